import Foundation
import Testing

@testable import GAIDesk

/// A folder dated past 2262 (its time no longer fits in nanoseconds since 1970: a PC whose clock was set far
/// ahead, or a copy from one) opens like any other instead of trapping on the arithmetic.
@Suite struct FarFolderTimeTests {
  @Test func anOfficeWhoseFoldersAreDatedInTheYear3000Opens() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let visitor = try office.registerVisitor(
      VisitorForm(fullName: "Aminata Baldé"), staff: TestOffice.founder)
    let year3000 = Date(timeIntervalSince1970: 32_503_680_000)
    let folders = try #require(FileManager.default.enumerator(atPath: dir.path)).compactMap {
      item -> String? in
      let path = dir.path + "/" + (item as? String ?? "")
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        ? path : nil
    }
    #expect(!folders.isEmpty)
    for folder in folders + [dir.path] {
      try FileManager.default.setAttributes([.modificationDate: year3000], ofItemAtPath: folder)
    }
    #expect(try TestOffice.reopen(dir).state.visitors[visitor.id]?.fullName == "Aminata Baldé")
  }

  @Test func aTimePastInt64NanosecondsIsFarFromAnyClock() {
    let now: Int64 = 1_800_000_000 * 1_000_000_000
    #expect(FolderWatch.settled(timespec(tv_sec: 32_503_680_000, tv_nsec: 0), now: now))
    #expect(FolderWatch.settled(timespec(tv_sec: Int.max, tv_nsec: 999_999_999), now: now))
    #expect(FolderWatch.settled(timespec(tv_sec: Int.min, tv_nsec: 0), now: now))
    #expect(FolderWatch.settled(timespec(tv_sec: 1_800_000_000, tv_nsec: 0), now: now + FolderWatch.settle))
    #expect(
      !FolderWatch.settled(timespec(tv_sec: 1_800_000_000, tv_nsec: 0), now: now + FolderWatch.settle - 1))
    #expect(!FolderWatch.settled(timespec(tv_sec: 1_800_000_000, tv_nsec: 50_000_000), now: now))
  }
}
