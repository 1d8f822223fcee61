import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// Resynchronisation after damage costs linear time, whatever a crafted segment holds.
@Suite struct ScannerCostTests {
  /// A valid record of `origin` with `sequence` (CRC-valid framing; the scanner does not open the seal).
  static func frame(_ origin: OriginID, _ sequence: UInt64, previous: [UInt8]) -> [UInt8] {
    let header = RecordHeader(
      origin: origin, sequence: sequence, epoch: 1, previousHash: previous)
    let body = header.bytes + [UInt8](repeating: 7, count: SegmentFormat.minBodySize - RecordHeader.size + 10)
    var bytes: [UInt8] = []
    withUnsafeBytes(of: UInt32(body.count).littleEndian) { bytes += $0 }
    withUnsafeBytes(of: CRC32C.checksum(body).littleEndian) { bytes += $0 }
    return bytes + body
  }

  /// One valid record, then fake headers that pass every cheap check and claim 1 MiB bodies, to `size` bytes.
  static func crafted(_ origin: OriginID, size: Int) -> [UInt8] {
    let first = frame(origin, 1, previous: [UInt8](repeating: 0, count: 32))
    let hash = Array(SHA256.hash(data: Array(first.dropFirst(8))))
    let header = RecordHeader(
      origin: origin, sequence: 2, epoch: 1, previousHash: hash)
    var fake: [UInt8] = []
    withUnsafeBytes(of: UInt32(SegmentFormat.maxBodySize).littleEndian) { fake += $0 }
    fake += [0, 0, 0, 0] + header.bytes
    var bytes = first
    while bytes.count + fake.count <= size { bytes += fake }
    return bytes
  }

  @Test(.timeLimit(.minutes(1))) func aCrafted4MiBSegmentScansInLinearTime() {
    let origin = OriginID.random()
    let bytes = ScannerCostTests.crafted(origin, size: 4 << 20)
    let start = Date()
    let (records, stop) = SegmentScanner(bytes: bytes, base: 40, origin: origin).scan()
    let elapsed = Date().timeIntervalSince(start)
    // Under 1 s alone (0.2 s, `gaidesk-bench --only scan`); 10 s leaves room for a loaded debug test run, and
    // is still a thousand times under the quadratic scan it replaces (≈30 minutes).
    #expect(elapsed < 10, "scan took \(elapsed) s")
    #expect(records.count == 1)
    // Damage (never a torn tail to cut): fake headers may hide real records.
    guard case .damage(let offset, _, _) = stop else {
      Issue.record("expected damage, got \(String(describing: stop))")
      return
    }
    #expect(offset == records[0].end)
  }

  @Test func resynchronisationStillFindsTheNextRealRecord() {
    let origin = OriginID.random()
    let zero = [UInt8](repeating: 0, count: 32)
    let one = ScannerCostTests.frame(origin, 1, previous: zero)
    let two = ScannerCostTests.frame(origin, 2, previous: Array(SHA256.hash(data: Array(one.dropFirst(8)))))
    let three = ScannerCostTests.frame(origin, 3, previous: Array(SHA256.hash(data: Array(two.dropFirst(8)))))
    var damaged = two
    damaged[40] ^= 0xFF
    let (records, stop) = SegmentScanner(bytes: one + damaged + three, base: 0, origin: origin).scan()
    #expect(records.map(\.header.sequence) == [1])
    #expect(stop == .damage(offset: one.count, reason: "checksum mismatch", resumesAt: one.count + two.count))
    // A copy of record 1 after the damage is not taken for the next record (its sequence is not after 1).
    let (_, replay) = SegmentScanner(bytes: one + damaged + one, base: 0, origin: origin).scan()
    #expect(replay == .incompleteTail(offset: one.count, reason: "checksum mismatch"))
  }
}

/// Another origin's incomplete tail is scanned once, not again at every refresh and append until it grows.
@Suite struct PendingTailScanTests {
  @Test func anotherOriginsIncompleteTailIsScannedOnceUntilItGrows() throws {
    let dir = TemporaryDirectory()
    let first = try TestOffice.make(in: dir)
    _ = try first.registerVisitor(VisitorForm(fullName: "Awa Ndiaye"), staff: "Ana")
    let writer = first.origin
    let segment = dir.path + "/journal/" + writer.hex + "/" + SegmentFormat.fileName(index: 1)
    // The first PC was writing when the folder was copied: its log ends in part of a record.
    let handle = try #require(FileHandle(forWritingAtPath: segment))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data([0x40, 0x00, 0x00, 0x00, 0x01, 0x02]))
    try handle.close()

    let other = try TestOffice.reopen(dir, marks: DeviceMarks(folder: dir.path + ".other-pc"))
    #expect(other.origin != writer)
    #expect(other.journal.incompleteTails.count == 1)
    let scanned = other.journal.scans(of: writer)
    for _ in 0..<20 { try other.refresh() }
    _ = try other.registerVisitor(VisitorForm(fullName: "Moussa Diop"), staff: "Ana")
    #expect(
      other.journal.scans(of: writer) == scanned, "the kept scan result stands while the tail is unchanged")
    #expect(other.journal.incompleteTails.count == 1)

    // The writer goes on: the tail grows and is scanned again.
    let more = try #require(FileHandle(forWritingAtPath: segment))
    try more.seekToEnd()
    try more.write(contentsOf: Data([0x03]))
    try more.close()
    try other.refresh()
    #expect(other.journal.scans(of: writer) == scanned + 1)
    #expect(other.journal.incompleteTails.count == 1)
  }
}
