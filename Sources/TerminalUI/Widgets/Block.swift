/// A box-drawing border with an optional title on the top edge.
public struct Block: Widget {
  /// The title shown on the top border.
  public var title: String?
  /// The style of the border lines.
  public var borderStyle: Style
  /// The style of the title.
  public var titleStyle: Style

  /// Creates a block.
  public init(title: String? = nil, borderStyle: Style = Style(.border), titleStyle: Style = Style(.title)) {
    self.title = title
    self.borderStyle = borderStyle
    self.titleStyle = titleStyle
  }

  /// The area inside the border.
  public func inner(_ area: Rect) -> Rect {
    area.inset(by: 1)
  }

  /// Draws the border around the edge of `area` and the title on it.
  public func render(into grid: inout Grid, area: Rect) {
    guard area.width >= 2, area.height >= 2 else { return }
    let horizontal = String(repeating: "─", count: area.width - 2)
    grid.put("┌" + horizontal + "┐", at: area.origin, style: borderStyle)
    grid.put("└" + horizontal + "┘", at: Point(x: area.x, y: area.maxY - 1), style: borderStyle)
    for y in (area.y + 1)..<(area.maxY - 1) {
      grid.put("│", at: Point(x: area.x, y: y), style: borderStyle)
      grid.put("│", at: Point(x: area.maxX - 1, y: y), style: borderStyle)
    }
    if let title, !title.isEmpty, area.width > 4 {
      let text = " " + title.truncated(toWidth: area.width - 6) + " "
      grid.put(text, at: Point(x: area.x + 2, y: area.y), style: titleStyle, maxWidth: area.width - 4)
    }
  }
}
