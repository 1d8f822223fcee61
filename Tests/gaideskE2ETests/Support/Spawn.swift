import Foundation
import ProcessTestSupport

/// How the end-to-end tests run programs: tmux and the built `gaidesk`.
enum Spawn {
  /// Runs `arguments` with `environment` added to ours (outside any enclosing tmux), stdout and stderr to
  /// `output`; returns the exit status.
  @discardableResult
  static func run(_ arguments: [String], environment: [String: String] = [:], output: String) -> Int32 {
    var env = ProcessInfo.processInfo.environment
    env["TMUX"] = nil
    env.merge(environment) { $1 }
    return (try? ChildProcess.run(arguments, environment: env, stdout: output)) ?? -1
  }

  /// The built `gaidesk` next to the test bundle in `.build/<config>/`.
  static var gaidesk: String { ChildProcess.builtProduct("gaidesk") ?? "gaidesk" }
}
