/// One line of text, aligned in its area and truncated with "…" when too long.
public struct Label: Widget {
  /// The text.
  public var text: String
  /// The style of the text and of the rest of the line.
  public var style: Style
  /// Where the text sits on the line.
  public var alignment: Alignment

  /// Creates a label.
  public init(_ text: String, style: Style = .normal, alignment: Alignment = .leading) {
    self.text = text
    self.style = style
    self.alignment = alignment
  }

  /// Creates a label in `role`.
  public init(_ text: String, role: Role, alignment: Alignment = .leading) {
    self.init(text, style: Style(role), alignment: alignment)
  }

  /// Draws the text on the first row of `area`.
  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    let line = text.padded(toWidth: area.width, alignment: alignment)
    grid.put(line, at: area.origin, style: style, maxWidth: area.width)
  }
}
