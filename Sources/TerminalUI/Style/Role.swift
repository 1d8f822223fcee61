/// The meaning of a piece of text on screen; a ``Theme`` decides how each role looks.
public enum Role: Int, CaseIterable, Hashable, Sendable {
  /// Ordinary text.
  case normal
  /// A screen or box title.
  case title
  /// A table or section header.
  case header
  /// The selected row or item.
  case selected
  /// The element that has keyboard focus.
  case focus
  /// Secondary, less important text.
  case muted
  /// Something that needs attention.
  case warning
  /// A failure.
  case error
  /// A success.
  case success
  /// A key label in the footer or help.
  case key
  /// Box borders.
  case border
  /// Matched or emphasised text.
  case highlight
  /// The bars of a chart.
  case chartBar
}
