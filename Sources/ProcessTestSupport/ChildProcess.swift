import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Child processes for tests, started with posix_spawnp: an empty signal mask and default signal actions
/// (children of Swift Testing otherwise inherit its blocked signals), standard input from /dev/null, output
/// to files (Foundation's `Process` hangs on `tmux new-session`, whose server inherits the pipe) and no other
/// open file of the test process.
public enum ChildProcess {
  /// Why a child could not be started.
  public struct SpawnError: Error, CustomStringConvertible {
    /// The program.
    public let program: String
    /// The errno posix_spawnp returned.
    public let code: Int32
    public var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
  }

  /// Starts `arguments` (looked up in PATH) with exactly `environment` (the test's own when nil).
  /// stdout goes to `stdout`, stderr to `stderr` (or with stdout when nil), both appended when `append`.
  /// With `ownGroup` the child leads a new process group, so `kill(-pid, …)` reaches its children too.
  public static func start(
    _ arguments: [String], environment: [String: String]? = nil, stdout: String = "/dev/null",
    stderr: String? = nil, append: Bool = false, ownGroup: Bool = false
  ) throws -> pid_t {
    let mode = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, mode, 0o600)
    if let stderr {
      posix_spawn_file_actions_addopen(&actions, 2, stderr, mode, 0o600)
    } else {
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
    }
    // Only these three: a file another test holds open at that moment (a copy on a medium about to be made
    // read-only, a journal segment) must not stay open in this child, nor in a server it starts (tmux).
    _ = closeFrom.map { $0(&actions, 3) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
    if ownGroup {
      flags |= POSIX_SPAWN_SETPGROUP
      posix_spawnattr_setpgroup(&attributes, 0)
    }
    posix_spawnattr_setflags(&attributes, Int16(flags))
    let env = environment ?? ProcessInfo.processInfo.environment
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard status == 0 else { throw SpawnError(program: arguments[0], code: status) }
    return pid
  }

  /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; Swift's Glibc module does not
  /// import it), or nil where the C library has none.
  private static let closeFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
    unsafeBitCast(
      $0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
  }

  /// Waits for `pid` and returns its raw wait status.
  public static func wait(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
  }

  /// The exit code in a wait status, or nil when a signal ended the process.
  public static func exitCode(_ status: Int32) -> Int32? { status & 0x7F == 0 ? (status >> 8) & 0xFF : nil }

  /// The signal that ended the process, or nil when it exited.
  public static func signal(_ status: Int32) -> Int32? { status & 0x7F == 0 ? nil : status & 0x7F }

  /// Runs `arguments` to the end; the exit code, or 128 + the signal that ended it.
  @discardableResult
  public static func run(
    _ arguments: [String], environment: [String: String]? = nil, stdout: String = "/dev/null",
    stderr: String? = nil
  ) throws -> Int32 {
    let status = wait(try start(arguments, environment: environment, stdout: stdout, stderr: stderr))
    return exitCode(status) ?? 128 + (signal(status) ?? 0)
  }

  /// An executable product (`gaidesk`, `gaidesk-bench`) built next to the running test bundle, found by
  /// climbing from this process's own file towards the products folder of `.build/<triple>/<config>`.
  public static func builtProduct(_ name: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    var folder =
      count > 0
      ? URL(fileURLWithPath: String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
      : URL(fileURLWithPath: CommandLine.arguments[0])
    while folder.path != "/" {
      folder = folder.deletingLastPathComponent()
      let candidate = folder.appendingPathComponent(name).path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
