import Foundation
import ProcessTestSupport

/// An office made by the built `gaidesk` binary in a temporary folder, and the commands run on it.
extension TestOffice {
  /// A failed setup step, with what the program printed.
  public struct Failure: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// The message.
    public var description: String { message }
  }

  /// Creates an office for Praia with `gaidesk init` (cheap scrypt cost), founded by Ana.
  public init() throws {
    let root = TemporaryFolder.make("e2e")
    data = root + "/data"
    scratch = root + "/scratch"
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    let status = run(["init", "--office", "praia", "--scrypt-log-n", "12", "--staff", TestOffice.founder])
    guard status == 0 else { throw Failure(message: "init failed: \(log)") }
  }

  /// This office's passphrase.
  public var passphrase: String { TestOffice.passphrase }

  /// This test's device marks, never the user's own state folder.
  public var state: String { scratch + "/state" }

  /// The last command's output.
  public var log: String { (try? String(contentsOfFile: scratch + "/cli.log", encoding: .utf8)) ?? "" }

  /// Runs `gaidesk ARGS` on the office with the passphrase in the environment and its clock pinned to
  /// ``TestOffice/morning``; returns the exit status.
  @discardableResult
  public func run(_ arguments: [String]) -> Int32 {
    Spawn.run(
      [Spawn.gaidesk] + arguments,
      environment: [
        "GAIDESK_DATA": data, "GAIDESK_PASSPHRASE": passphrase, "GAIDESK_STAFF": TestOffice.founder,
        "LANG": "C.UTF-8", "GAIDESK_STATE": state,
      ].merging(TestOffice.morningClock) { $1 },
      output: scratch + "/cli.log")
  }

  /// Removes the temporary folders.
  public func remove() {
    TemporaryFolder.remove(URL(fileURLWithPath: data).deletingLastPathComponent().path)
  }
}

/// How tests run the built programs (`gaidesk`, `gaidesk-bench`) as child processes.
public enum Spawn {
  /// Runs `arguments` with `environment` added to ours (outside any enclosing tmux), stdout and stderr to
  /// `output`; returns the exit status (-1 when it could not start).
  @discardableResult
  public static func run(_ arguments: [String], environment: [String: String] = [:], output: String) -> Int32
  {
    var env = ProcessInfo.processInfo.environment
    env["TMUX"] = nil
    env.merge(environment) { $1 }
    return (try? ChildProcess.run(arguments, environment: env, stdout: output)) ?? -1
  }

  /// Starts `executable` with `arguments` in the background; stdout goes to /dev/null, stderr is appended
  /// to `stderrPath`.
  public static func start(_ executable: String, _ arguments: [String], stderrPath: String) throws -> pid_t {
    try ChildProcess.start([executable] + arguments, stderr: stderrPath, append: true)
  }

  /// The built `gaidesk` next to the test bundle in `.build/<config>/`.
  public static var gaidesk: String { ChildProcess.builtProduct("gaidesk") ?? "gaidesk" }

  /// The `gaidesk-bench` executable built next to the test bundle (or `$GAIDESK_BENCH`).
  public static func benchExecutable() -> String? {
    ProcessInfo.processInfo.environment["GAIDESK_BENCH"] ?? ChildProcess.builtProduct("gaidesk-bench")
  }
}
