/// Text wrapped by display width to its area; lines that do not fit are dropped.
public struct Paragraph: Widget {
  /// The text; "\n" starts a new line.
  public var text: String
  /// The style of the text.
  public var style: Style

  /// Creates a paragraph.
  public init(_ text: String, style: Style = .normal) {
    self.text = text
    self.style = style
  }

  /// Draws the wrapped lines from the top of `area`.
  public func render(into grid: inout Grid, area: Rect) {
    for (row, line) in text.wrapped(toWidth: area.width).prefix(area.height).enumerated() {
      grid.put(line, at: Point(x: area.x, y: area.y + row), style: style, maxWidth: area.width)
    }
  }
}
