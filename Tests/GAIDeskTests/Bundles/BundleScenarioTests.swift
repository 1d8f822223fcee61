import Foundation
import Testing

@testable import GAIDesk

/// Bundles between the PCs of one office: each bad input a clear outcome, nothing lost, nothing half-imported.
@Suite struct BundleScenarioTests {
  /// Expects `body` to fail with one of `keys`, leaving folder `index`'s journal and state untouched.
  private func expectRefused(
    _ folders: OfficeFolders, _ index: Int, _ keys: Set<String>, _ label: String,
    _ body: () throws -> Void
  ) {
    let files = folders.journalFiles(index)
    let before = digest(folders.offices[index].state)
    do {
      try body()
      Issue.record("\(label): accepted")
    } catch let error as GAIDeskError {
      #expect(keys.contains(error.key), "\(label): \(error.key)")
    } catch {
      Issue.record("\(label): \(error)")
    }
    #expect(folders.journalFiles(index) == files, "\(label): something was written")
    #expect(digest(folders.offices[index].state) == before, "\(label)")
  }

  @Test func aBundleCarriesRecordsAndASecondImportChangesNothing() throws {
    let folders = try OfficeFolders(2)
    _ = try TestOffice.addVisitors(folders.offices[0], count: 3)
    let bundle = try folders.export(0)
    let first = try folders.offices[1].importBundles([bundle])
    // The office's first record (its accounts) and the three visitors.
    #expect(first.added == 4 && first.alreadyHad == 0 && first.parked.isEmpty && first.forks.isEmpty)
    #expect(digest(folders.offices[1].state) == digest(folders.offices[0].state))
    let files = folders.journalFiles(1)
    let again = try folders.offices[1].importBundles([bundle, bundle])
    #expect(again.added == 0 && again.alreadyHad == 8)
    #expect(folders.journalFiles(1) == files)
    // The imported records sit in the producer's origin folder, byte for byte.
    let origin = folders.offices[0].origin.hex
    #expect(
      try FileIO.read(folders.directories[1].path + "/journal/\(origin)/00000001.seg")
        == FileIO.read(folders.directories[0].path + "/journal/\(origin)/00000001.seg"))
    // A cold reopening folds the same state.
    try FileManager.default.removeItem(atPath: folders.directories[1].path + "/cache")
    #expect(digest(try TestOffice.reopen(folders.directories[1]).state) == digest(folders.offices[0].state))
  }

  @Test func aTruncatedBundleIsRefusedWholeAtEveryLength() throws {
    let folders = try OfficeFolders(2)
    _ = try TestOffice.addVisitors(folders.offices[0], count: 4)
    let bytes = try FileIO.read(try folders.export(0))
    for cut in [0, 3, 8, 12, 20, 60, bytes.count / 2, bytes.count - 300, bytes.count - 1] {
      let path = folders.newPath()
      try FileIO.writeAtomically(Array(bytes.prefix(cut)), to: path)
      expectRefused(folders, 1, ["error.bundle.truncated", "error.bundle.notABundle"], "cut at \(cut)") {
        _ = try folders.offices[1].importBundles([path])
      }
    }
  }

  @Test func aFlippedByteAnywhereIsRefused() throws {
    let folders = try OfficeFolders(2)
    _ = try TestOffice.addVisitors(folders.offices[0], count: 3)
    let bytes = try FileIO.read(try folders.export(0))
    var random = SeededRandom(seed: 7)
    let positions =
      [0, 9, 12, 20, 40] + (0..<40).map { _ in Int.random(in: 0..<bytes.count, using: &random) }
    for position in positions {
      var flipped = bytes
      flipped[position] ^= 1 << UInt8.random(in: 0..<8, using: &random)
      let path = folders.newPath()
      try FileIO.writeAtomically(flipped, to: path)
      let keys: Set = [
        "error.bundle.altered", "error.bundle.damaged", "error.bundle.truncated", "error.bundle.notABundle",
        "error.bundle.newer", "error.bundle.otherOffice",
      ]
      expectRefused(folders, 1, keys, "byte \(position)") { _ = try folders.offices[1].importBundles([path]) }
    }
  }

  @Test func anotherOfficesBundleAndAnEditedManifestAreRefusedBeforeReading() throws {
    let folders = try OfficeFolders(2)
    _ = try TestOffice.addVisitors(folders.offices[0], count: 2)
    let other = TemporaryDirectory()
    let foreign = try TestOffice.make(in: other)
    _ = try TestOffice.addVisitors(foreign, count: 2)
    let foreignBundle = folders.newPath()
    try foreign.exportBundle(to: foreignBundle)
    expectRefused(folders, 1, ["error.bundle.otherOffice"], "other office") {
      _ = try folders.offices[1].importBundles([foreignBundle])
    }

    // Edit the manifest (claim one record fewer) and keep the old tag: the office key does not authenticate it.
    let path = try folders.export(0)
    let bytes = try FileIO.read(path)
    let reader = try folders.offices[1].openBundle(path)
    var manifest = reader.manifest
    manifest.ranges[0].last -= 1
    manifest.ranges[0].count -= 1
    let edited = manifest.bytes
    let rest = bytes.dropFirst(BundleFormat.prefixSize + reader.manifest.bytes.count)
    let forged = folders.newPath()
    try FileIO.writeAtomically(
      BundleFormat.prefix(manifestLength: edited.count) + edited + Array(rest), to: forged)
    expectRefused(folders, 1, ["error.bundle.altered"], "edited manifest") {
      _ = try folders.offices[1].importBundles([forged])
    }
    // One bad file among good ones: nothing of the good one is imported either.
    expectRefused(folders, 1, ["error.bundle.altered"], "good and bad together") {
      _ = try folders.offices[1].importBundles([path, forged])
    }
  }

  @Test func aReplayedOldBundleAddsNothingAndALateOneWaitsForItsGap() throws {
    let folders = try OfficeFolders(2)
    _ = try TestOffice.addVisitors(folders.offices[0], count: 3)
    let old = try folders.export(0)
    _ = try TestOffice.addVisitors(folders.offices[0], count: 2)
    let newer = folders.newPath()
    try folders.offices[0].exportBundle(to: newer, sinceBundle: old)
    #expect(try folders.offices[1].openBundle(newer).manifest.ranges.map(\.first) == [5])

    // The later bundle first: parked, named, nothing applied.
    let early = try folders.offices[1].importBundles([newer])
    let origin = folders.offices[0].origin
    #expect(early.added == 0 && early.parked.map(\.origin) == [origin])
    #expect(early.parked.first.map { ($0.from, $0.through) } ?? (0, 0) == (1, 4))
    #expect(early.parked.first?.file.hasPrefix("incoming/waiting-\(origin.hex)-1-4-") == true)
    #expect(folders.offices[1].state.visitors.isEmpty)
    // Importing it again parks nothing new.
    _ = try folders.offices[1].importBundles([newer])
    let incoming = folders.directories[1].path + "/incoming"
    #expect(try FileManager.default.contentsOfDirectory(atPath: incoming).count == 1)

    // The gap filled: both apply, the parked one leaves incoming/.
    let filled = try folders.offices[1].importBundles([old])
    #expect(filled.added == 6 && filled.parked.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: incoming).isEmpty)
    #expect(digest(folders.offices[1].state) == digest(folders.offices[0].state))

    // The old bundle replayed: already had, nothing changes.
    let files = folders.journalFiles(1)
    let replay = try folders.offices[1].importBundles([old])
    #expect(replay.added == 0 && replay.alreadyHad == 4 && replay.forks.isEmpty)
    #expect(folders.journalFiles(1) == files)
  }

  @Test func aForkedHistoryIsNamedAndKeptAsideNotMerged() throws {
    let folders = try OfficeFolders(2)
    let a = folders.directories[0]
    _ = try TestOffice.addVisitors(folders.offices[0], count: 2)
    // A clone of the whole PC (data folder and device marks) keeps writing the same origin elsewhere.
    let clone = TemporaryDirectory()
    try FileManager.default.removeItem(atPath: clone.path)
    try FileManager.default.copyItem(atPath: a.path, toPath: clone.path)
    try FileManager.default.copyItem(atPath: a.path + ".state", toPath: clone.path + ".state")
    let cloned = try TestOffice.reopen(clone)
    #expect(cloned.origin == folders.offices[0].origin)
    _ = try folders.offices[0].registerVisitor(VisitorForm(fullName: "Original Third"), staff: "Ana")
    _ = try cloned.registerVisitor(VisitorForm(fullName: "Clone Third"), staff: "Ana")

    _ = try folders.offices[1].importBundles([try folders.export(0)])
    let held = digest(folders.offices[1].state)
    let files = folders.journalFiles(1)
    let cloneBundle = folders.newPath()
    try cloned.exportBundle(to: cloneBundle)
    let summary = try folders.offices[1].importBundles([cloneBundle])
    #expect(summary.added == 0 && summary.alreadyHad == 3)
    #expect(summary.forks.map(\.sequence) == [4] && summary.forks.map(\.origin) == [cloned.origin])
    let kept = try #require(summary.forks.first?.file)
    #expect(FileIO.size(folders.directories[1].path + "/" + kept) == FileIO.size(cloneBundle))
    #expect(folders.journalFiles(1) == files && digest(folders.offices[1].state) == held)
    // The writer of that origin sees the same fork, and never has its own log appended to.
    let own = try folders.offices[0].importBundles([cloneBundle])
    #expect(own.forks.map(\.sequence) == [4] && own.added == 0)
    #expect(folders.offices[0].state.visitors.values.contains { $0.fullName == "Original Third" })
    #expect(!folders.offices[0].state.visitors.values.contains { $0.fullName == "Clone Third" })
  }
}
