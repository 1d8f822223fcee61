/// A message wrapped by display width inside its panel and drawn on the area's last rows, so it reads whole
/// under a form; the rows it takes are cleared first. When it has more lines than the area has rows, its
/// first lines are kept and the last one ends with "…".
public struct WrappedMessage: Widget {
  /// The message.
  public var text: String
  /// Its style.
  public var style: Style

  /// Creates a message in `role`.
  public init(_ text: String, role: Role) {
    self.text = text
    self.style = Style(role)
  }

  /// Draws the wrapped lines at the bottom of `area`.
  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    var lines = text.wrapped(toWidth: area.width)
    if lines.count > area.height {
      lines = Array(lines.prefix(area.height))
      lines[lines.count - 1] = String(lines[lines.count - 1].prefix(fittingWidth: area.width - 1)) + "…"
    }
    let top = area.maxY - lines.count
    for (row, line) in lines.enumerated() {
      let rowArea = Rect(x: area.x, y: top + row, width: area.width, height: 1)
      grid.fill(rowArea, style: style)
      grid.put(line, at: rowArea.origin, style: style, maxWidth: area.width)
    }
  }
}
