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
  /// How long to wait for a key while the screen is locked (nothing on it moves; the journal is not read).
  static let lockedTimeoutMilliseconds: Int32 = 1000
  /// How often other processes' appends are picked up.
  static let refreshInterval: TimeInterval = 0.5

  static func run(paths: OfficePaths, scryptLogN: Int = ScryptParameters.defaultLogN) throws {
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
    // The office lives on a worker: keys and drawing never wait for the disk.
    let worker = OfficeWorker(runtime: AppRuntime(paths: paths, scryptLogN: scryptLogN))
    defer { worker.finish() }
    var model = AppModel(hasOffice: paths.exists, settings: settings, size: terminal.size)
    model.idleOverride = LockTimes.idleOverride(environment: ProcessInfo.processInfo.environment)
    var lastFrame: Frame?
    var lastRefresh = WallClock.now()
    // Keys typed while a write is in flight wait here, in order, instead of being lost.
    var typedAhead = TypeAhead()

    func present() {
      let frame = model.view()
      guard frame != lastFrame else { return }
      terminal.present(frame.grid, cursor: frame.cursor)
      lastFrame = frame
    }

    /// Applies a message and sends the effects it asks for to the worker; false when the user quits.
    func apply(_ message: Message) -> Bool {
      for effect in model.update(message) {
        if effect == .quit { return false }
        worker.send(effect, staff: model.staff)
      }
      return true
    }

    present()
    while true {
      let waiting = model.busy != nil || worker.isBusy
      let timeout = waiting ? 20 : model.isLocked ? lockedTimeoutMilliseconds : keyTimeoutMilliseconds
      if let key = terminal.readKey(timeoutMilliseconds: timeout) {
        if key == .resize {
          lastFrame = nil
          guard apply(.resize(terminal.size)) else { return }
        } else if let key = typedAhead.admit(key, busy: waiting) {
          guard apply(.key(key)) else { return }
        }
      }
      for answer in worker.poll() { guard apply(answer) else { return } }
      while let key = typedAhead.release(busy: model.busy != nil || worker.isBusy) {
        guard apply(.key(key)) else { return }
      }
      let now = WallClock.now()
      if !model.isLocked, now.timeIntervalSince(lastRefresh) >= refreshInterval {
        lastRefresh = now
        worker.refresh()
      }
      guard apply(.tick(now)) else { return }
      present()
    }
  }
}
