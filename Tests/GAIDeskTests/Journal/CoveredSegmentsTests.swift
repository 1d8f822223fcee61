import Foundation
import Testing

@testable import GAIDesk

/// The snapshot cache's segment seals: what a warm opening did not read is checked against them, and damage
/// behind a cache is never sealed into the next one.
@Suite struct CoveredSegmentsTests {
  /// An office of six visitors in one open segment, its cache saved, then one byte of the second record
  /// flipped (a part the cache covers).
  static func damagedBehindTheCache() throws -> (TemporaryDirectory, Office) {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    // Enough that a third of the way in is past the accounts record `init` writes.
    _ = try TestOffice.addVisitors(office, count: 30)
    office.saveSnapshot()
    let segment = TestOffice.segments(dir)[0]
    var bytes = try FileIO.read(segment)
    bytes[bytes.count / 3] ^= 0x08
    try Data(bytes).write(to: URL(fileURLWithPath: segment))
    let warm = try TestOffice.reopen(dir)
    #expect(warm.openedFromSnapshot && warm.damage.isEmpty, "a warm opening does not read the covered bytes")
    return (dir, warm)
  }

  @Test func theCoveredPartOfTheOpenSegmentIsChecked() throws {
    let (dir, warm) = try Self.damagedBehindTheCache()
    #expect(warm.coveredSegments.bytes == FileIO.size(TestOffice.segments(dir)[0]))
    warm.checkCoveredHistory()
    #expect(warm.damage.map(\.segment) == ["journal/\(warm.origin.hex)/00000001.seg"])
    #expect(throws: GAIDeskError.self) { _ = try TestOffice.addVisitors(warm, count: 1) }
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/cache/state.bin"), "the cache is removed")
    let cold = try TestOffice.reopen(dir)
    #expect(cold.damage.first?.offset ?? 0 > 40, "read cold, the record itself is named: \(cold.damage)")
  }

  @Test func aNewCacheNeverSealsDamageBehindTheOldOne() throws {
    let (dir, warm) = try Self.damagedBehindTheCache()
    // Without the check, a write and a new cache: the old seal is checked before it is extended.
    _ = try TestOffice.addVisitors(warm, count: 1)
    warm.saveSnapshot()
    #expect(warm.damage.contains { $0.segment.hasSuffix("00000001.seg") }, "\(warm.damage)")
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/cache/state.bin"))
  }

  @Test func anIntactJournalChecksClean() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 3)
    office.saveSnapshot()
    _ = try TestOffice.addVisitors(office, count: 2)
    office.saveSnapshot()
    let warm = try TestOffice.reopen(dir)
    #expect(!warm.coveredSegments.isEmpty)
    #expect(warm.coveredSegments.check() == [])
    warm.checkCoveredHistory()
    #expect(warm.damage.isEmpty && FileManager.default.fileExists(atPath: dir.path + "/cache/state.bin"))
  }
}
