import Foundation
import GAIDeskTestSupport
import Testing

@_spi(Testing) @testable import GAIDesk

/// An opening that folded the journal writes the snapshot cache on another thread (`SnapshotWrite`): the
/// office is usable at once, what it records meanwhile is never lost nor cached half, and the cache is the
/// state folded (the next opening is warm and gives the same state).
@Suite struct SnapshotWriteTests {
  /// An office of `visitors` visitors, each with a visit, and its cache deleted (the next opening is cold).
  static func coldOffice(_ dir: TemporaryDirectory, visitors: Int) throws {
    let office = try TestOffice.make(in: dir)
    for id in try TestOffice.addVisitors(office, count: visitors) {
      _ = try office.arrive(visitorID: id, staff: TestOffice.founder)
    }
    try? FileManager.default.removeItem(atPath: office.paths.cache)
  }

  @Test func aColdOpeningsCacheIsTheStateFoldedAndTheNextOpeningIsWarm() throws {
    let dir = TemporaryDirectory()
    try Self.coldOffice(dir, visitors: 60)
    let cold = try TestOffice.reopen(dir)
    #expect(!cold.openedFromSnapshot)
    cold.finishSnapshotWrite()
    #expect(FileManager.default.fileExists(atPath: cold.paths.snapshot))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: cold.paths.cache).filter {
      $0.contains(".tmp-")
    }
    #expect(leftovers.isEmpty, "\(leftovers)")
    let warm = try TestOffice.reopen(dir)
    #expect(warm.openedFromSnapshot && warm.recordsReplayed == 0)
    #expect(digest(warm.state) == digest(cold.state))
  }

  @Test func anOpeningRightAfterAnotherInTheSameProcessFindsItsCache() throws {
    let dir = TemporaryDirectory()
    try Self.coldOffice(dir, visitors: 200)
    // Neither office is waited for: the second opening waits for the first one's cache itself.
    let cold = try TestOffice.reopen(dir)
    let warm = try TestOffice.reopen(dir)
    #expect(!cold.openedFromSnapshot)
    #expect(warm.openedFromSnapshot && warm.recordsReplayed == 0)
    #expect(digest(warm.state) == digest(cold.state))
  }

  @Test func recordsMadeWhileTheCacheIsWrittenAreKeptAndFoldedOnTop() throws {
    let dir = TemporaryDirectory()
    try Self.coldOffice(dir, visitors: 200)
    let cold = try TestOffice.reopen(dir)
    // At once, while the cache may still be written: the cache holds the state as it was opened.
    let added = try TestOffice.addVisitors(cold, count: 3)
    let visit = try cold.arrive(visitorID: added[0], staff: TestOffice.founder)
    #expect(cold.state.visits[visit.id] != nil)
    let expected = digest(cold.state)
    let again = try TestOffice.reopen(dir)
    #expect(again.openedFromSnapshot, "the cache the cold opening wrote")
    #expect(digest(again.state) == expected)
    #expect(again.state.visitorOrder.suffix(3) == added[...])
  }

  @Test func damageFoundBehindTheCacheRemovesItEvenWhileItIsWritten() throws {
    let dir = TemporaryDirectory()
    try Self.coldOffice(dir, visitors: 60)
    let cold = try TestOffice.reopen(dir)
    cold.noteCoveredDamage([JournalDamage(segment: "journal/x/00000001.seg", offset: 0, reason: "test")])
    #expect(!FileManager.default.fileExists(atPath: cold.paths.snapshot), "no cache came back after removal")
  }
}
