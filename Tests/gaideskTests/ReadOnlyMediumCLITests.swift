import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Read when you cannot write: an office on a read-only mount, in a folder without write permission, or on a
/// full disk with a torn tail to repair opens read-only. Reading commands work, writes are refused with their
/// own message and status, and nothing on the medium changes.
@Suite(.serialized) struct ReadOnlyMediumCLITests {
  /// Every reading command, each expected to succeed.
  static func readingCommands(visitor: String) -> [[String]] {
    [
      ["day"], ["queue", "list"], ["visitor", "find", "Awa"], ["visitor", "show", visitor],
      ["report", "month", String(CLI.localDay(daysFromToday: 0).prefix(7))], ["referral", "list"],
      ["followup", "list"], ["day", "--json"],
    ]
  }

  /// An office with a visitor and two tickets; returns the visitor id.
  static func office(_ cli: CLI) -> String {
    #expect(cli.initOffice().status == 0)
    let id = cli.run(["visitor", "add", "--name", "Awa Ndiaye", "--consent-share", "yes"]).out
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(cli.run(["queue", "add", "--visitor", id]).status == 0)
    #expect(cli.run(["queue", "add", "--name", "Moussa Diop"]).status == 0)
    return id
  }

  @Test func aReadOnlyMountOpensForReading() throws {
    try withTmpfsMedium("ro-cli") { tmpfs in try Self.readOnlyMount(tmpfs) }
  }

  /// `aReadOnlyMountOpensForReading` on the medium `tmpfs`.
  static func readOnlyMount(_ tmpfs: TmpfsMedium) throws {
    let cli = CLI()
    let visitor = Self.office(cli)
    let medium = tmpfs.medium
    try FileManager.default.copyItem(atPath: cli.data, toPath: medium + "/office")
    #expect(tmpfs.remountReadOnly(), "remount read-only: errno \(errno)")
    let before = try FolderContents(medium)
    // This PC (its mark names the copied origin) and a PC that never saw the office (no mark).
    for home in [cli.scratch, cli.scratch + "/other-pc"] {
      let environment = ["GAIDESK_DATA": medium + "/office", "HOME": home, "GAIDESK_LANG": "en"]
      for arguments in Self.readingCommands(visitor: visitor) {
        let result = cli.run(arguments, environment: environment)
        #expect(result.status == 0, "\(arguments): \(result.status) \(result.err)")
        #expect(result.err.contains("read-only"), "\(arguments): \(result.err)")
      }
      let verify = cli.run(["verify"], environment: environment)
      #expect(
        verify.status == 0 && verify.out.contains("intact"), "\(verify.status) \(verify.out) \(verify.err)")
      let day = try CLI.object(cli.run(["day", "--json"], environment: environment))
      let readOnly = day["readOnly"] as? [String: Any]
      #expect(readOnly?["cause"] as? String == "read-only-file-system", "\(day)")
      #expect(readOnly?["path"] as? String == medium + "/office", "the data folder is named: \(day)")
      let add = cli.run(["queue", "add", "--name", "New Person"], environment: environment)
      #expect(add.status == 7, "\(add.status) \(add.err)")
      #expect(add.err.contains("read-only") && add.err.contains("nothing was saved"), "\(add.err)")
      let bundle = cli.scratch + "/copy-\(home.count).gdb"
      let export = cli.run(["bundle", "export", "--all", "--out", bundle], environment: environment)
      #expect(export.status == 0, "\(export.err)")
      let backup = cli.run(
        ["backup", "--to", cli.scratch + "/backup-\(home.count)"], environment: environment)
      #expect(backup.status == 0, "a copy on a read-only medium is backed up elsewhere: \(backup.err)")
      let imported = cli.run(["bundle", "import", bundle], environment: environment)
      #expect(
        imported.status == 7 && imported.err.contains("read-only"), "\(imported.status) \(imported.err)")
      let json = cli.run(["visitor", "add", "--name", "Other Person", "--json"], environment: environment)
      // The warning line comes first on stderr; the JSON error is the last line.
      let last = String(json.err.split(separator: "\n").last ?? "")
      let error = try CLI.error(CLI.Result(status: json.status, out: "", err: last))
      #expect(error["code"] as? String == "medium.readOnly" && json.status == 7, "\(json.err)")
    }
    #expect(try FolderContents(medium) == before, "the read-only medium changed")
  }

  @Test func aFormatOneOfficeOnAReadOnlyMountOpensForReading() throws {
    try withTmpfsMedium("v1ro-cli", megabytes: 16) { tmpfs in try Self.formatOneReadOnlyMount(tmpfs) }
  }

  /// `aFormatOneOfficeOnAReadOnlyMountOpensForReading` on the medium `tmpfs`.
  static func formatOneReadOnlyMount(_ tmpfs: TmpfsMedium) throws {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("GAIDeskTests/Fixtures").path
    let cli = CLI()
    let medium = tmpfs.medium
    try FileManager.default.copyItem(atPath: fixtures + "/office-v1", toPath: medium + "/office")
    #expect(tmpfs.remountReadOnly(), "remount read-only: errno \(errno)")
    let before = try FolderContents(medium)
    let environment = [
      "GAIDESK_DATA": medium + "/office", "GAIDESK_PASSPHRASE": "fixture-v1-Ilha-do-Sal",
      "GAIDESK_LANG": "en",
    ].merging(TestOffice.clock(at: FrontDeskFixture.date("2026-11-30", 12, 0))) { $1 }
    for arguments in [
      ["queue", "list", "--date", "2026-11-30"], ["visitor", "find", "Mariama"], ["referral", "list"],
      ["report", "month", "2026-10"],
    ] {
      let result = cli.run(arguments, environment: environment)
      #expect(result.status == 0 && !result.out.isEmpty, "\(arguments): \(result.status) \(result.err)")
      #expect(result.err.contains("format 1") && result.err.contains("copy"), "\(arguments): \(result.err)")
    }
    let day = try CLI.object(cli.run(["day", "--date", "2026-11-30", "--json"], environment: environment))
    let old = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: fixtures + "/office-v1-expected/day-2026-11-30.json")))
        as? [String: Any])
    #expect(day["ticketsIssued"] as? Int == old["ticketsIssued"] as? Int, "\(day)")
    let verify = cli.run(["verify"], environment: environment)
    #expect(verify.status == 0 && verify.out.contains("1520 records"), "\(verify.out) \(verify.err)")
    let add = cli.run(["queue", "add", "--name", "Nova Pessoa"], environment: environment)
    #expect(add.status == 7 && add.err.contains("Copy the office"), "\(add.status) \(add.err)")
    #expect(try FolderContents(medium) == before, "the read-only medium changed")
  }

  @Test func aFolderWithoutWritePermissionOpensForReading() throws {
    let cli = CLI()
    let visitor = Self.office(cli)
    // As root, permission bits do not stop writes: run the commands as nobody, who owns the folder.
    var prefix: [String] = []
    var home = cli.scratch
    if getuid() == 0 {
      guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
        print("[read-only] skipped: running as root without /usr/bin/setpriv to act as another user")
        return
      }
      prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
      let probe = cli.wait(
        cli.spawn(
          prefix + ["/bin/sh", "-c", "test -x \"$0\"", CLI.binary], environment: cli.environment, tag: "probe"
        ))
      guard probe.status == 0 else {
        print(
          "[read-only] skipped: nobody cannot run \(CLI.binary) (a folder on its path is closed to others)")
        return
      }
      home = cli.scratch + "/nobody"
      try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
      #expect(chown(home, 65534, 65534) == 0)
      #expect(chmod(cli.scratch, 0o755) == 0)
      try Self.walk(cli.data) { path, _ in _ = chown(path, 65534, 65534) }
    }
    try Self.walk(cli.data) { path, directory in _ = chmod(path, directory ? 0o500 : 0o400) }
    defer { try? Self.walk(cli.data) { path, directory in _ = chmod(path, directory ? 0o700 : 0o600) } }
    let before = try FolderContents(cli.data)
    let environment = cli.environment.merging(["HOME": home, "GAIDESK_LANG": "en"]) { $1 }
    let run = { (arguments: [String]) -> CLI.Result in
      cli.wait(cli.spawn(prefix + [CLI.binary] + arguments, environment: environment, tag: UUID().uuidString))
    }
    for arguments in Self.readingCommands(visitor: visitor) + [["verify"]] {
      let result = run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.status) \(result.err)")
      #expect(
        result.err.contains("read-only") && result.err.contains("permission"), "\(arguments): \(result.err)")
    }
    let add = run(["queue", "add", "--name", "New Person"])
    #expect(add.status == 7, "\(add.status) \(add.err)")
    #expect(add.err.contains("permission") && add.err.contains("nothing was saved"), "\(add.err)")
    #expect(try FolderContents(cli.data) == before, "the folder without write permission changed")
  }

  @Test func aFullDiskWithATornTailOpensForReadingAndWritesOnceThereIsRoom() throws {
    try withTmpfsMedium("full-cli", megabytes: 2) { tmpfs in try Self.fullDisk(tmpfs.medium) }
  }

  /// `aFullDiskWithATornTailOpensForReadingAndWritesOnceThereIsRoom` on a small disk mounted at `disk`.
  static func fullDisk(_ disk: String) throws {
    let scratch = CLI().scratch
    let cli = CLI(data: disk + "/office", scratch: scratch)
    let visitor = Self.office(cli)
    let journal = cli.data + "/journal"
    let origin = try #require(try FileManager.default.contentsOfDirectory(atPath: journal).first)
    let segment = journal + "/" + origin + "/00000001.seg"
    let handle = try #require(FileHandle(forWritingAtPath: segment))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data([0x01, 0x02, 0x03]))  // a power cut three bytes into a record
    try handle.close()
    let ballast = disk + "/ballast"
    Self.fill(ballast)
    let before = try FolderContents(cli.data)
    let environment = ["GAIDESK_LANG": "en"]
    for arguments in Self.readingCommands(visitor: visitor) {
      let result = cli.run(arguments, environment: environment)
      #expect(result.status == 0, "\(arguments): \(result.status) \(result.err)")
      #expect(result.err.contains("Disk full"), "\(arguments): \(result.err)")
    }
    let verify = cli.run(["verify"], environment: environment)
    #expect(verify.status == 9, "\(verify.status) \(verify.out) \(verify.err)")
    #expect(verify.out.contains("torn tail"), "\(verify.out)")
    let add = cli.run(["queue", "add", "--name", "New Person"], environment: environment)
    #expect(add.status == 7 && add.err.contains("Disk full"), "\(add.status) \(add.err)")
    #expect(try FolderContents(cli.data) == before, "the full disk's office changed")

    try FileManager.default.removeItem(atPath: ballast)
    let later = cli.run(["queue", "add", "--name", "New Person"], environment: environment)
    #expect(later.status == 0, "\(later.err)")
    #expect(later.err.contains("repaired"), "\(later.err)")
    #expect(cli.run(["verify"]).status == 0)
  }

  /// Writes `path` until the disk is full (to the last byte the file system gives).
  static func fill(_ path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    defer { close(fd) }
    let block = [UInt8](repeating: 7, count: 4096)
    while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == 4096 {}
    while block.withUnsafeBytes({ write(fd, $0.baseAddress, 1) }) == 1 {}
  }

  /// Calls `body` for `root` and everything under it, deepest last (so a folder is changed before its files).
  static func walk(_ root: String, _ body: (String, Bool) -> Void) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { return }
    if isDirectory.boolValue {
      for name in try FileManager.default.contentsOfDirectory(atPath: root) {
        try walk(root + "/" + name, body)
      }
    }
    body(root, isDirectory.boolValue)
  }
}

/// Every path under a folder with its bytes (folders as nil): two snapshots are equal only when nothing was
/// created, removed or changed.
struct FolderContents: Equatable {
  let entries: [String: Data?]

  init(_ root: String) throws {
    var entries: [String: Data?] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
      entries[relative] =
        isDirectory.boolValue
        ? .some(nil) : .some(FileManager.default.contents(atPath: root + "/" + relative))
    }
    self.entries = entries
  }
}
