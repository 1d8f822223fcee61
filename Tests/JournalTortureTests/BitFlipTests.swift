import Crypto
import Foundation
import GAIDesk
import Testing

#if canImport(Glibc)
  import Glibc
#endif

extension JournalTorture {
  /// Random single-bit flips anywhere in a two-segment journal. Each is detected: damage naming the segment
  /// and the record's offset (read-only, appends refused), or — only in the very last record — a torn tail that
  /// opening copies aside. Nothing altered is ever delivered: the records read are exactly the originals before
  /// the flipped one.
  @Test func randomBitFlipsAreAllDetected() throws {
    let flips = Torture.count("TORTURE_FLIPS", ci: 150, long: 1000)
    var random = SeededRandom(seed: Torture.seed("bitflips"))
    let scratch = Scratch("flip")
    defer { scratch.remove() }
    let root = scratch.path + "/journal"
    let origin = OriginID.random()
    let sealer = Keyring(masterKey: SymmetricKey(size: .bits256))

    // About 4.5 MB of records of 1–5 kB (incompressible payloads), so the log spans two segments.
    var originals: [[UInt8]] = []
    let writer = try Journal(root: root, origin: origin, keyring: sealer)
    while originals.count < 1500 {
      try writer.append(count: 50, deliver: { _ in }) { _ in
        let payload = random.bytes(1000 + random.below(4000))
        originals.append(payload)
        return payload
      }
    }
    let files = TestOffice.segments(journal: root, origin: origin)
    try #require(files.count >= 2, "the fixture should span segments")
    let pristine = try files.map { try FileIO.read($0) }
    // Record frames of each segment, and how many records come before each segment.
    var frames: [[(offset: Int, end: Int)]] = []
    var before: [Int] = []
    var total = 0
    for bytes in pristine {
      let (found, stop) = SegmentScanner(
        bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
      ).scan()
      try #require(stop == nil)
      frames.append(found.map { ($0.offset, $0.end) })
      before.append(total)
      total += found.count
    }
    try #require(total == originals.count)
    let sizes = pristine.map(\.count)
    let allBytes = sizes.reduce(0, +)

    var damaged = 0
    var tornTail = 0
    var headers = 0
    for flip in 0..<flips {
      // A uniformly random byte of the journal, and one of its bits.
      var position = random.below(allBytes)
      var file = 0
      while position >= sizes[file] {
        position -= sizes[file]
        file += 1
      }
      let bit = UInt8(1) << UInt8(random.below(8))
      let fd = open(files[file], O_RDWR)
      var byte = pristine[file][position] ^ bit
      _ = pwrite(fd, &byte, 1, off_t(position))
      close(fd)

      let isLastFile = file == files.count - 1
      let recordIndex = frames[file].firstIndex { position >= $0.offset && position < $0.end }
      let display = "journal/\(origin.hex)/\(SegmentFormat.fileName(index: file + 1))"
      let read = try JournalRead(root: root, origin: origin, keyring: sealer, repair: true)
      if let recordIndex {
        let expectedBefore = before[file] + recordIndex
        #expect(
          read.payloads == Array(originals[0..<expectedBefore]), "flip \(flip) at \(display)@\(position)")
        if isLastFile && recordIndex == frames[file].count - 1 {
          // Indistinguishable from a torn write: copied aside and cut, never delivered.
          #expect(read.damage.isEmpty && read.repairs.count == 1, "flip \(flip): \(read.damage)")
          tornTail += 1
        } else {
          #expect(
            read.damage == [
              JournalDamage(
                segment: display, offset: frames[file][recordIndex].offset,
                reason: read.damage.first?.reason ?? "")
            ],
            "flip \(flip) at \(display)@\(position): \(read.damage)")
          damaged += 1
        }
      } else {
        // The segment header.
        #expect(position < SegmentFormat.headerSize)
        #expect(read.payloads == Array(originals[0..<before[file]]))
        #expect(
          read.damage.map(\.segment) == [display] && read.damage.first?.offset == 0,
          "flip \(flip): \(read.damage)")
        headers += 1
      }
      if !read.damage.isEmpty && flip % 10 == 0 {
        // Read-only: an append is refused with the damage named, and writes nothing.
        let journal = try Journal(root: root, origin: origin, keyring: sealer)
        #expect(throws: GAIDeskError.self) { try journal.append(deliver: { _ in }) { _ in [1, 2, 3] } }
        #expect(journal.isReadOnly)
        #expect(FileIO.size(files.last!) == sizes.last!)
      }
      // Restore the pristine bytes (the repair may have cut the last segment).
      try overwrite(files[file], with: pristine[file])
      try? FileManager.default.removeItem(atPath: root + "/" + origin.hex + "/torn")
    }
    #expect(damaged + tornTail + headers == flips)
    let after = try JournalRead(root: root, origin: origin, keyring: sealer, repair: false)
    #expect(after.damage.isEmpty && after.payloads.count == originals.count)
    Torture.figure(
      "bit flips: \(flips) over \(allBytes) bytes in \(files.count) segments (\(originals.count) records): "
        + "\(damaged) named as damage, \(headers) in segment headers, \(tornTail) in the last record (torn tail), "
        + "0 accepted")
  }
}
