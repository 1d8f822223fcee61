import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

#if canImport(Glibc)
  import Glibc
#endif

/// An office on a medium that refuses writes opens in the interface: its screens read, a banner says
/// read-only and why, and a write is refused with the medium's reason.
@Suite("Read-only banner", .serialized)
struct ReadOnlyBannerTests {
  @Test("an office on a read-only medium opens with a banner and refuses writes")
  func readOnlyMedium() throws {
    // As root, permission bits do not stop writes: a read-only tmpfs does.
    guard getuid() == 0 else {
      let directory = TemporaryDirectory("ro")
      defer { withExtendedLifetime(directory) {} }
      let root = directory.path + "/office"
      defer { Self.setModes(root, folders: 0o700, files: 0o600) }
      try Self.check(root: root, marks: directory.marks, asRoot: false) {
        Self.setModes(root, folders: 0o500, files: 0o400)
      }
      return
    }
    try withTmpfsMedium("ro", megabytes: 4) { tmpfs in
      try Self.check(
        root: tmpfs.medium + "/office", marks: DeviceMarks(folder: tmpfs.base + "/state"), asRoot: true
      ) {
        #expect(tmpfs.remountReadOnly(), "remount read-only: errno \(errno)")
      }
    }
  }

  /// Creates an office at `root`, makes its medium refuse writes with `refuseWrites`, and checks the
  /// interface: the banner names the cause (a read-only file system as root, no permission otherwise), the
  /// screens read, settings are not kept, and a write is refused.
  static func check(root: String, marks: DeviceMarks, asRoot: Bool, refuseWrites: () -> Void) throws {
    // Created and released (its lock file closed) before the medium turns read-only.
    do {
      let created = try TestOffice.create(root, staff: "Ana", marks: marks)
      _ = try created.registerVisitor(VisitorForm(fullName: "Awa Ndiaye"), staff: "Ana")
    }
    refuseWrites()

    let runtime = AppRuntime(paths: OfficePaths(root: root), scryptLogN: 10, marks: marks)
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana"), size: Size(width: 80, height: 24), now: Date())
    let opened = try #require(runtime.perform(.unlock(passphrase: TestOffice.passphrase), staff: "Ana"))
    _ = model.update(opened)
    _ = model.update(try #require(runtime.health()))
    let cause = try #require(model.health.medium?.cause)
    #expect(cause == (asRoot ? .readOnlyFileSystem : .noPermission))
    #expect(model.view().grid.lines[1].contains(asRoot ? "suporte protegido" : "sem permissão"))
    #expect(runtime.office?.state.visitorOrder.count == 1)
    // Settings are a convenience: not kept, and no error, on a medium that refuses writes.
    if let answer = runtime.perform(.saveSettings(language: .english), staff: "Ana") {
      Issue.record("saving settings on a read-only medium answered \(answer)")
    }
    guard
      case .failed(_, let error)? = runtime.perform(
        .arriveNew(VisitorForm(fullName: "Rui Semedo")), staff: "Ana")
    else {
      Issue.record("a write on a read-only medium was not refused")
      return
    }
    #expect(error.code == (asRoot ? .mediumReadOnly : .mediumPermission))
  }

  /// Sets the mode of every folder and file under `path` (folders after their contents).
  static func setModes(_ path: String, folders: mode_t, files: mode_t) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
    if isDirectory.boolValue {
      _ = chmod(path, 0o700)
      for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
        setModes(path + "/" + name, folders: folders, files: files)
      }
    }
    _ = chmod(path, isDirectory.boolValue ? folders : files)
  }
}
