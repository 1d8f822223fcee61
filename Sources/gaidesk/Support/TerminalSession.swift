import Foundation
import GAIDesk
import GAIDeskApp
import NCursesBackend
import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the terminal interface: one thread owns ncurses, reads keys, refreshes the office, presents changes.
enum TerminalSession {
  /// How long to wait for a key before ticking the clock.
  static let keyTimeoutMilliseconds: Int32 = 250
  /// How often other processes' appends are picked up.
  static let refreshInterval: TimeInterval = 0.5

  static func run(paths: OfficePaths, scryptLogN: Int = KeySlot.defaultLogN) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw GAIDeskError(.uiNotTerminal)
    }
    let terminal: NCursesTerminal
    do {
      terminal = try NCursesTerminal.start()
    } catch {
      switch error {
      case .notATerminal: throw GAIDeskError(.uiNotTerminal)
      case .localeNotUTF8(let codeset): throw GAIDeskError(.uiLocale, codeset)
      case .cannotInitialise(let term): throw GAIDeskError(.uiTerm, term)
      case .alreadyStarted: throw GAIDeskError(.uiUnavailable)
      }
    }
    defer { terminal.stop() }
    var settings = Office.settings(paths: paths)
    if let code = ProcessInfo.processInfo.environment["GAIDESK_LANG"], Language(code: code) != nil {
      settings.language = code
    }
    let runtime = AppRuntime(paths: paths, scryptLogN: scryptLogN)
    var model = AppModel(hasOffice: paths.exists, settings: settings, size: terminal.size)
    var lastFrame: Frame?
    var lastRefresh = Date()

    func present() {
      let frame = model.view()
      guard frame != lastFrame else { return }
      terminal.present(frame.grid, cursor: frame.cursor)
      lastFrame = frame
    }

    /// Applies a message and performs the effects it asks for; false when the user quits.
    func apply(_ message: Message) -> Bool {
      var pending = model.update(message)
      while !pending.isEmpty {
        let effect = pending.removeFirst()
        if effect == .quit { return false }
        present()  // show "busy" before a slow effect (unlocking, saving)
        if let answer = runtime.perform(effect, staff: model.staff) {
          pending += model.update(answer)
        }
      }
      return true
    }

    present()
    while true {
      if let key = terminal.readKey(timeoutMilliseconds: keyTimeoutMilliseconds) {
        if key == .resize {
          lastFrame = nil
          guard apply(.resize(terminal.size)) else { return }
        } else {
          guard apply(.key(key)) else { return }
        }
      }
      let now = Date()
      if now.timeIntervalSince(lastRefresh) >= refreshInterval {
        lastRefresh = now
        if let changed = runtime.refresh() { guard apply(changed) else { return } }
      }
      guard apply(.tick(now)) else { return }
      present()
    }
  }
}
