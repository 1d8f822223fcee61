import CNCurses
import Glibc
import TerminalUI

/// The terminal, driven through ncurses: start it, present grids, read keys, stop it.
///
/// ncurses is not thread-safe: one thread creates, uses and stops the terminal. The terminal runs in
/// raw mode, so Ctrl-C, Ctrl-Z and Ctrl-\ arrive as `.control` keys for the screens to handle instead of
/// signals; a SIGINT/SIGTERM/SIGHUP/SIGQUIT from outside still restores the terminal before dying.
public final class NCursesTerminal {
  /// The theme actually used (monochrome when colours are off or unsupported).
  public let theme: Theme
  /// The terminal size, updated when a `.resize` key is read.
  public private(set) var size: Size
  /// The last grid drawn, or nil when the next present must redraw everything.
  var previous: Grid?
  /// Whether the terminal cursor is shown.
  var cursorShown = false

  private init(theme: Theme) {
    self.theme = theme
    self.size = Self.currentSize()
  }

  deinit {
    stop()
  }

  /// Whether the environment asks for no colours: NO_COLOR is set and not empty (no-color.org).
  public static var environmentRequestsNoColor: Bool {
    guard let value = getenv("NO_COLOR") else { return false }
    return value.pointee != 0
  }

  /// Puts the terminal in curses mode; `noColor` (by default from NO_COLOR) uses `Theme.monochrome`.
  ///
  /// Refuses when standard input or output is not a terminal, or when no UTF-8 locale is available
  /// (the environment's locale is tried first, then C.UTF-8).
  public static func start(
    theme: Theme = .standard, noColor: Bool = environmentRequestsNoColor
  ) throws(StartError) -> NCursesTerminal {
    guard !cursesActive else { throw .alreadyStarted }
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    try useUTF8Locale()
    guard gd_newterm_stdio() != nil else {
      throw .cannotInitialise(term: getenv("TERM").map { String(cString: $0) } ?? "")
    }
    cursesActive = true
    installExitHooks()
    raw()
    noecho()
    nonl()
    keypad(gd_stdscr(), true)
    defineHomeAndEnd()
    set_escdelay(25)
    curs_set(0)
    let colors = !noColor && theme.usesColor && has_colors()
    let terminal = NCursesTerminal(theme: colors ? theme : .monochrome)
    if colors { terminal.setUpColorPairs() }
    return terminal
  }

  /// Home and End as terminals send them outside keypad mode (xterm and tmux: `CSI H`, `CSI F`; the VT220
  /// forms `CSI 1~`, `CSI 4~`; rxvt's `CSI 7~`, `CSI 8~`) when the terminal description names only the keypad
  /// ones: unknown, they would arrive as Esc (which offers to discard a form) followed by letters.
  private static func defineHomeAndEnd() {
    for (sequence, key) in [
      ("\u{1B}[H", KEY_HOME), ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME),
      ("\u{1B}[F", KEY_END), ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
    ] {
      _ = define_key(sequence, key)
    }
  }

  /// Leaves curses mode and restores the terminal; calling it again does nothing.
  public func stop() {
    restoreTerminal()
  }

  /// Waits up to `timeoutMilliseconds` (negative: forever) for a key; nil on time-out.
  public func readKey(timeoutMilliseconds: Int32) -> KeyEvent? {
    guard cursesActive else { return nil }
    wtimeout(gd_stdscr(), timeoutMilliseconds)
    var code: wint_t = 0
    switch wget_wch(gd_stdscr(), &code) {
    case KEY_CODE_YES:
      let event = KeyMapping.event(forKeyCode: Int32(bitPattern: code))
      if event == .resize {
        size = Self.currentSize()
        previous = nil
      }
      return event
    case OK:
      return KeyMapping.event(forCharacter: code)
    default:
      return nil
    }
  }

  /// Switches to the environment's locale, or C.UTF-8 when that one is not UTF-8.
  private static func useUTF8Locale() throws(StartError) {
    setlocale(LC_ALL, "")
    if codeset() == "UTF-8" { return }
    setlocale(LC_ALL, "C.UTF-8")
    let found = codeset()
    guard found == "UTF-8" else { throw .localeNotUTF8(codeset: found) }
  }

  private static func codeset() -> String {
    String(cString: nl_langinfo(nl_item(CODESET)))
  }

  private static func currentSize() -> Size {
    var rows: Int32 = 0
    var columns: Int32 = 0
    gd_getmaxyx(gd_stdscr(), &rows, &columns)
    return Size(width: Int(columns), height: Int(rows))
  }
}
