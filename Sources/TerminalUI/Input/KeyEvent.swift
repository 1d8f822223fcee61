/// A key the user pressed, independent of the terminal library.
public enum KeyEvent: Hashable, Sendable {
  /// A printable grapheme.
  case character(Character)
  /// Enter or Return.
  case enter
  /// Escape.
  case escape
  /// Tab.
  case tab
  /// Shift-Tab.
  case backTab
  /// Backspace.
  case backspace
  /// Delete (forward).
  case delete
  /// Arrow up.
  case up
  /// Arrow down.
  case down
  /// Arrow left.
  case left
  /// Arrow right.
  case right
  /// Home.
  case home
  /// End.
  case end
  /// Page Up.
  case pageUp
  /// Page Down.
  case pageDown
  /// Function key F1, F2, …
  case function(Int)
  /// Control plus a letter, given in lower case (Ctrl-C is `.control("c")`).
  case control(Character)
  /// The terminal changed size.
  case resize
  /// A key the backend could not name.
  case unknown

  /// A short label for footers and help, such as "F1", "Esc" or "Ctrl-S".
  public var label: String {
    switch self {
    case .character(" "): "Space"
    case .character(let c): String(c)
    case .enter: "Enter"
    case .escape: "Esc"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .backspace: "Backspace"
    case .delete: "Del"
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .home: "Home"
    case .end: "End"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .function(let n): "F\(n)"
    case .control(let c): "Ctrl-\(c.uppercased())"
    case .resize: "Resize"
    case .unknown: "?"
    }
  }
}
