import Foundation
import GAIDesk
import Testing

/// An office with a few realistic records, and its pristine last segment.
struct TailFixture {
  let scratch: Scratch
  let root: String
  let origin: OriginID
  let keyring: Keyring
  let segment: String
  let pristine: [UInt8]
  /// Frame start and end of every record in the segment.
  let records: [(offset: Int, end: Int)]
  /// The decrypted payloads, in order.
  let payloads: [[UInt8]]

  init(records count: Int) throws {
    scratch = Scratch("tail")
    root = scratch.path + "/office"
    let office = try TestOffice.create(root)
    for i in 0..<count { try TestOffice.register(office, "Fatumata Baldé \(i)") }
    origin = try TestOffice.origin(root)
    keyring = try TestOffice.journalKeyring(root)
    segment = try #require(TestOffice.segments(root, origin: origin).last)
    pristine = try FileIO.read(segment)
    let (found, stop) = SegmentScanner(
      bytes: Array(pristine[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
    ).scan()
    #expect(stop == nil)
    records = found.map { ($0.offset, $0.end) }
    payloads = try JournalRead(root: root + "/journal", origin: origin, keyring: keyring, repair: false)
      .payloads
    #expect(payloads.count == records.count)
  }

  var tornFolder: String { root + "/journal/" + origin.hex + "/torn" }

  func reset(to bytes: [UInt8]) throws {
    try overwrite(segment, with: bytes)
    // A power cut: none of the cut records was reported saved, so the device's mark is not past them.
    try TestOffice.markNothingSaved(root)
    try? FileManager.default.removeItem(atPath: tornFolder)
    try? FileManager.default.removeItem(atPath: root + "/cache")
  }

  /// Records wholly inside the first `length` bytes.
  func intact(within length: Int) -> Int { records.filter { $0.end <= length }.count }

  func tornFiles() -> [[UInt8]] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: tornFolder)) ?? []).sorted()
    return names.compactMap { try? FileIO.read(tornFolder + "/" + $0) }
  }
}

extension JournalTorture {
  /// The segment cut at every byte offset of its last three records: opening keeps every whole record,
  /// copies the torn bytes aside, truncates to the last whole record, and the segment then scans clean.
  @Test func truncationAtEveryOffsetOfTheLastRecords() throws {
    let fixture = try TailFixture(records: 12)
    defer { fixture.scratch.remove() }
    let from = fixture.records[fixture.records.count - 3].offset
    var cuts = 0
    var viaOffice = 0
    for cut in from..<fixture.pristine.count {
      try fixture.reset(to: Array(fixture.pristine[0..<cut]))
      let intact = fixture.intact(within: cut)
      let boundary = intact == 0 ? SegmentFormat.headerSize : fixture.records[intact - 1].end
      // Every seventh cut goes through Office.open (keys, snapshot, state); the rest through the journal.
      if cut % 7 == 0 {
        viaOffice += 1
        let office = try TestOffice.open(fixture.root)
        #expect(office.damage.isEmpty, "cut \(cut): \(office.damage)")
        // The office-created record plus one per registration.
        #expect(office.state.recordCount == intact, "cut \(cut)")
      } else {
        let read = try JournalRead(
          root: fixture.root + "/journal", origin: fixture.origin, keyring: fixture.keyring, repair: true)
        #expect(read.damage.isEmpty, "cut \(cut): \(read.damage)")
        #expect(read.payloads == Array(fixture.payloads[0..<intact]), "cut \(cut)")
        #expect(read.repairs.count == (cut == boundary ? 0 : 1), "cut \(cut)")
      }
      #expect(FileIO.size(fixture.segment) == boundary, "cut \(cut)")
      let torn = fixture.tornFiles()
      if cut == boundary {
        #expect(torn.isEmpty)
      } else {
        #expect(torn == [Array(fixture.pristine[boundary..<cut])], "cut \(cut): torn bytes not kept aside")
      }
      let scan = try scanClean([fixture.segment], origin: fixture.origin)
      #expect(scan.clean && scan.records == intact, "cut \(cut)")
      cuts += 1
    }
    // After a repair, appending carries on the chain.
    try fixture.reset(to: Array(fixture.pristine[0..<(fixture.pristine.count - 5)]))
    let office = try TestOffice.open(fixture.root)
    try TestOffice.register(office, "after repair")
    let reopened = try TestOffice.open(fixture.root)
    #expect(reopened.damage.isEmpty)
    #expect(reopened.state.recordCount == fixture.records.count)
    #expect(TestOffice.nameCounts(reopened)["after repair"] == 1)
    Torture.figure(
      "truncation: \(cuts) cut offsets over the last 3 records (\(viaOffice) via Office.open), all repaired")
  }

  /// Zeros after the last record (a file extended but never written, as after a power cut on ext4), and zeros
  /// over the end of the last record: repaired on opening, every whole record kept.
  @Test func zeroFilledTails() throws {
    let fixture = try TailFixture(records: 6)
    defer { fixture.scratch.remove() }
    let last = fixture.records.last!
    var cases = 0
    for zeros in [1, 3, 7, 8, 9, 64, 500, 4096, 70_000] {
      try fixture.reset(to: fixture.pristine + [UInt8](repeating: 0, count: zeros))
      let read = try JournalRead(
        root: fixture.root + "/journal", origin: fixture.origin, keyring: fixture.keyring, repair: true)
      #expect(read.damage.isEmpty)
      #expect(read.payloads == fixture.payloads, "\(zeros) zeros")
      #expect(read.repairs.count == 1)
      #expect(FileIO.size(fixture.segment) == fixture.pristine.count)
      #expect(fixture.tornFiles() == [[UInt8](repeating: 0, count: zeros)])
      cases += 1
    }
    for start in stride(from: last.offset, to: last.end, by: 9) {
      var bytes = fixture.pristine
      for i in start..<bytes.count { bytes[i] = 0 }
      try fixture.reset(to: bytes)
      let office = try TestOffice.open(fixture.root)
      #expect(office.damage.isEmpty, "zeros from \(start): \(office.damage)")
      #expect(office.state.recordCount == fixture.records.count - 1)
      #expect(FileIO.size(fixture.segment) == last.offset)
      #expect(fixture.tornFiles() == [Array(bytes[last.offset...])])
      cases += 1
    }
    Torture.figure("zero-filled tails: \(cases) cases, all repaired with every whole record kept")
  }
}
