import Foundation
import Testing

@testable import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// An office on a read-only medium keeps its snapshot cache in this user's state folder (keyed by the
/// office's id, checked like the folder's own), so the second opening is warm and the medium never changes.
@Suite(.serialized) struct ReadOnlyCacheTests {
  /// Every file and folder under `root` with its bytes.
  static func contents(_ root: String) -> [String: Data?] {
    var entries: [String: Data?] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
      entries[relative] = .some(FileManager.default.contents(atPath: root + "/" + relative))
    }
    return entries
  }

  @Test func aReadOnlyOfficeOpensWarmTheSecondTimeFromTheUsersStateFolder() throws {
    guard getuid() == 0 else {
      print("[read-only] skipped: mounting a read-only file system needs root (uid \(getuid()))")
      return
    }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("gaidesk-rocache-\(UUID())").path
    let medium = base + "/medium"
    try FileManager.default.createDirectory(atPath: medium, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: base) }
    guard "size=8m,mode=0700".withCString({ mount("tmpfs", medium, "tmpfs", 0, $0) }) == 0 else {
      print("[read-only] skipped: cannot mount a tmpfs here (errno \(errno))")
      return
    }
    defer { umount2(medium, 2 /* MNT_DETACH */) }
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
    #expect(mount("tmpfs", medium, "tmpfs", 32 /* MS_REMOUNT */ | 1 /* MS_RDONLY */, nil) == 0)
    let before = Self.contents(medium)

    let cold = try Office.open(at: paths, passphrase: TestOffice.passphrase, marks: marks)
    #expect(cold.medium?.cause == .readOnlyFileSystem)
    #expect(!cold.openedFromSnapshot && cold.recordsReplayed > 40)
    #expect(cold.state.visitorOrder.count == 40)
    let userCache = marks.folder + "/caches/" + id + ".bin"
    #expect(FileManager.default.fileExists(atPath: userCache))
    #expect(cold.snapshotFile == userCache)

    let warm = try Office.open(at: paths, passphrase: TestOffice.passphrase, marks: marks)
    #expect(warm.openedFromSnapshot && warm.recordsReplayed == 0, "the second opening is warm")
    #expect(warm.state.visitorOrder.count == 40)
    #expect(warm.coveredSegments.check().isEmpty, "the covered segments are hashed as in the folder's cache")
    #expect(Self.contents(medium) == before, "the read-only medium changed")
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
