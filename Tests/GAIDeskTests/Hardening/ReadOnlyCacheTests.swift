import Foundation
import Testing

@testable import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// An office on a read-only medium keeps its snapshot cache in this user's state folder (keyed by the
/// office's id, checked like the folder's own), so the second opening is warm and the medium never changes.
@Suite(.serialized) struct ReadOnlyCacheTests {
  @Test func aReadOnlyOfficeOpensWarmTheSecondTimeFromTheUsersStateFolder() throws {
    try withTmpfsMedium("rocache") { tmpfs in
      let base = tmpfs.base
      let medium = tmpfs.medium
      let paths = OfficePaths(root: medium + "/office")
      let marks = DeviceMarks(folder: base + "/state")
      let id: String
      do {
        let office = try Office.create(
          at: paths, office: "praia", passphrase: TestOffice.passphrase, staff: "Ana", scryptLogN: 10,
          marks: marks)
        for number in 1...40 {
          _ = try office.registerVisitor(VisitorForm(fullName: "Visitante \(number)"), staff: "Ana")
        }
        id = try #require(office.identity.id)
      }
      // A mounted backup without its cache: the first opening reads the whole journal.
      try? FileManager.default.removeItem(atPath: paths.cache)
      #expect(tmpfs.remountReadOnly(), "remount read-only: errno \(errno)")
      let before = tmpfs.contents()

      let cold = try Office.open(at: paths, passphrase: TestOffice.passphrase, marks: marks)
      #expect(cold.medium?.cause == .readOnlyFileSystem)
      #expect(!cold.openedFromSnapshot && cold.recordsReplayed > 40)
      #expect(cold.state.visitorOrder.count == 40)
      let userCache = marks.folder + "/caches/" + id + ".bin"
      cold.finishSnapshotWrite()  // written on another thread once the journal is folded
      #expect(FileManager.default.fileExists(atPath: userCache))
      #expect(cold.snapshotFile == userCache)

      let warm = try Office.open(at: paths, passphrase: TestOffice.passphrase, marks: marks)
      #expect(warm.openedFromSnapshot && warm.recordsReplayed == 0, "the second opening is warm")
      #expect(warm.state.visitorOrder.count == 40)
      #expect(
        warm.coveredSegments.check().isEmpty, "the covered segments are hashed as in the folder's cache")
      #expect(tmpfs.contents() == before, "the read-only medium changed")
    }
  }

  @Test func aCacheInTheStateFolderIsCheckedLikeTheFoldersOwn() throws {
    // Writable folder: its cache stays in the folder and nothing goes to the state folder.
    let dir = TemporaryDirectory()
    _ = try TestOffice.make(in: dir)
    let office = try TestOffice.reopen(dir)
    #expect(office.snapshotFile == OfficePaths(root: dir.path).snapshot)
    #expect(!FileManager.default.fileExists(atPath: dir.marks.folder + "/caches"))
  }
}
