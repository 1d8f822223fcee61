import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `gaidesk` binary as a user would, with posix_spawn (clean signal mask, output to files).
struct CLI {
  /// What a run printed and how it ended.
  struct Result {
    let status: Int32
    let out: String
    let err: String
  }

  let data: String
  let scratch: String

  /// A CLI bound to a fresh data directory.
  init() {
    let base = NSTemporaryDirectory() + "gaidesk-cli-" + UUID().uuidString
    data = base + "/data"
    scratch = base
    try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
  }

  /// The `gaidesk` binary next to the test bundle.
  static let binary: String = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("gaidesk").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    for candidate in [".build/debug/gaidesk", ".build/release/gaidesk"]
    where FileManager.default.isExecutableFile(atPath: candidate) {
      return FileManager.default.currentDirectoryPath + "/" + candidate
    }
    fatalError("gaidesk binary not found near \(CommandLine.arguments[0])")
  }()

  /// The environment of every run: this data directory, a test passphrase and staff, UTF-8.
  var environment: [String: String] {
    [
      "GAIDESK_DATA": data, "GAIDESK_PASSPHRASE": "correct-horse-battery", "GAIDESK_STAFF": "Ana Tavares",
      "LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": scratch,
    ]
  }

  /// Runs `gaidesk ARGS` and waits for it.
  @discardableResult
  func run(_ arguments: [String], environment extra: [String: String] = [:]) -> Result {
    let pid = spawn(
      [CLI.binary] + arguments, environment: environment.merging(extra) { $1 }, tag: UUID().uuidString)
    return wait(pid)
  }

  /// Runs an arbitrary program (e.g. `/bin/sh -c …`) in the background and returns its pid.
  func spawn(_ argv: [String], environment: [String: String], tag: String) -> (
    pid: pid_t, out: String, err: String
  ) {
    let out = scratch + "/\(tag).out"
    let err = scratch + "/\(tag).err"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      cArgs.forEach { free($0) }
      cEnv.forEach { free($0) }
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    var pid: pid_t = 0
    let status = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
    precondition(status == 0, "posix_spawnp failed: \(status)")
    return (pid, out, err)
  }

  /// Waits for a spawned process and collects its output.
  func wait(_ child: (pid: pid_t, out: String, err: String)) -> Result {
    var status: Int32 = 0
    while waitpid(child.pid, &status, 0) < 0 && errno == EINTR {}
    let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    return Result(status: exit, out: read(child.out), err: read(child.err))
  }

  /// A local day (Cabo Verde, UTC−1) relative to today, as YYYY-MM-DD.
  static func localDay(daysFromToday offset: Int) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(secondsFromGMT: -3600)
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86400))
  }

  /// Creates the office (cheap scrypt parameters for tests).
  func initOffice() -> Result { run(["init", "--office", "praia", "--scrypt-log-n", "10"]) }
}
