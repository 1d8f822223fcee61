import CNCurses
import Glibc

/// Whether curses mode is on and must be ended on exit; touched only by the thread owning ncurses
/// and by the exit paths below.
nonisolated(unsafe) var cursesActive = false
/// Whether the exit hooks are installed (once per process).
nonisolated(unsafe) private var hooksInstalled = false

/// Leaves curses mode if it is on: safe to call more than once.
func restoreTerminal() {
  guard cursesActive else { return }
  cursesActive = false
  endwin()
}

/// Restores the terminal on every way out: normal exit (`atexit`) and SIGINT, SIGTERM, SIGHUP, SIGQUIT,
/// whose handler restores the terminal and re-raises the signal with its default action.
func installExitHooks() {
  guard !hooksInstalled else { return }
  hooksInstalled = true
  atexit { restoreTerminal() }
  for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
    signal(sig) { received in
      restoreTerminal()
      signal(received, SIG_DFL)
      raise(received)
    }
  }
}
