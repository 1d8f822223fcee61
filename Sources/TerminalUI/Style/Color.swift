/// The eight basic terminal colours, plus the terminal's own default.
public enum Color: Int, CaseIterable, Hashable, Sendable {
  /// The terminal's default foreground or background.
  case `default` = -1
  /// Black.
  case black = 0
  /// Red.
  case red
  /// Green.
  case green
  /// Yellow.
  case yellow
  /// Blue.
  case blue
  /// Magenta.
  case magenta
  /// Cyan.
  case cyan
  /// White (often light grey).
  case white
}
