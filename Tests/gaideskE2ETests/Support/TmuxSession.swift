import Foundation

/// One `gaidesk` running under a private tmux server (its own socket), driven like a person would.
final class TmuxSession {
  /// The tmux socket name, unique per session.
  let socket: String
  /// A scratch folder for tmux's output.
  let scratch: String

  /// Starts `command` in a `width`×`height` session with LANG=C.UTF-8, TERM=xterm-256color and `environment`.
  init(width: Int = 100, height: Int = 30, command: [String], environment: [String: String], scratch: String)
  {
    socket = "gaidesk-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    self.scratch = scratch
    var arguments = [
      "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height),
      "-e", "LANG=C.UTF-8", "-e", "TERM=xterm-256color",
    ]
    for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
      arguments += ["-e", "\(key)=\(value)"]
    }
    arguments.append(command.map(Self.quote).joined(separator: " "))
    tmux(arguments)
    tmux(["set", "-t", "main", "remain-on-exit", "on"])
  }

  deinit { stop() }

  /// Kills the tmux server (and the program in it).
  func stop() {
    tmux(["kill-server"])
    let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
    unlink("\(folder)/tmux-\(getuid())/\(socket)")
  }

  /// Types literal text.
  func type(_ text: String) {
    tmux(["send-keys", "-t", "main", "-l", text])
  }

  /// Presses keys by tmux name (Enter, Escape, Tab, F2, C-c…), one after the other.
  func keys(_ names: String...) {
    for name in names { tmux(["send-keys", "-t", "main", name]) }
  }

  /// Resizes the window.
  func resize(width: Int, height: Int) {
    tmux(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
  }

  /// The screen's text now.
  func screen() -> String {
    let file = scratch + "/screen-\(UUID().uuidString.prefix(6)).txt"
    tmux(["capture-pane", "-p", "-t", "main"], output: file)
    defer { unlink(file) }
    return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
  }

  /// Waits until `text` is on screen; false (after `seconds`) when it never appears.
  @discardableResult
  /// Waits until the screen satisfies `condition` (dialogs closed, saves done…).
  func waitUntil(seconds: Double = 8, _ condition: (String) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition(screen()) { return true }
      usleep(100_000)
    }
    return condition(screen())
  }

  func waitFor(_ text: String, seconds: Double = 8) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if screen().contains(text) { return true }
      usleep(100_000)
    }
    return screen().contains(text)
  }

  @discardableResult
  private func tmux(_ arguments: [String], output: String? = nil) -> Int32 {
    Spawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, output: output ?? scratch + "/tmux.log")
  }

  private static func quote(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

/// Accounts and the terminal interface (under tmux) of an office made by the built binary.
extension TestOffice {
  /// Adds the account `name` with `role` and `passphrase` through `gaidesk staff add`, as Ana; the exit status.
  @discardableResult
  func addStaff(_ name: String, role: String, passphrase: String) -> Int32 {
    let file = scratch + "/new-passphrase.txt"
    FileManager.default.createFile(atPath: file, contents: Data((passphrase + "\n").utf8))
    defer { try? FileManager.default.removeItem(atPath: file) }
    return run(["staff", "add", name, "--role", role, "--new-passphrase-file", file, "--scrypt-log-n", "12"])
  }

  /// Starts the terminal interface under tmux (no passphrase in its environment, its clock pinned to
  /// ``TestOffice/morning`` like `run`'s; `environment` added).
  func interface(width: Int = 100, height: Int = 30, environment: [String: String] = [:]) -> TmuxSession {
    TmuxSession(
      width: width, height: height, command: [Spawn.gaidesk],
      environment: ["GAIDESK_DATA": data, "GAIDESK_STATE": state].merging(TestOffice.morningClock) { $1 }
        .merging(environment) { $1 },
      scratch: scratch)
  }

  /// Starts the interface and unlocks it up to the queue, skipping the PIN.
  func unlockedInterface(width: Int = 100, height: Int = 30, environment: [String: String] = [:])
    -> TmuxSession
  {
    let session = interface(width: width, height: height, environment: environment)
    session.waitFor("Palavra-passe")
    session.type(passphrase)
    session.keys("Enter")
    session.waitFor("Quem está ao balcão?")
    session.keys("Enter")
    session.waitFor("PIN para voltar")
    session.keys("Escape")
    session.waitFor("Fila de hoje")
    return session
  }
}
