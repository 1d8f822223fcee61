import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs programs with posix_spawnp: an empty signal mask and default signal actions (children of Swift
/// Testing otherwise inherit blocked signals), output to a file (Foundation's Process hangs on
/// `tmux new-session`, whose server inherits the pipe).
enum Spawn {
  /// Runs `arguments` with `environment` added to ours, stdout and stderr to `output`; returns the exit status.
  @discardableResult
  static func run(_ arguments: [String], environment: [String: String] = [:], output: String) -> Int32 {
    var env = ProcessInfo.processInfo.environment
    env["TMUX"] = nil
    for (key, value) in environment { env[key] = value }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status >> 8) & 0xff
  }

  /// The built `gaidesk` next to the test bundle in `.build/<config>/`.
  static var gaidesk: String {
    var candidates: [URL] = []
    let argument = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    candidates.append(argument)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL)
    for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent()) }
    for directory in candidates {
      var folder = directory
      for _ in 0..<4 {
        let path = folder.appendingPathComponent("gaidesk").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
        folder = folder.deletingLastPathComponent()
      }
    }
    return "gaidesk"
  }
}
