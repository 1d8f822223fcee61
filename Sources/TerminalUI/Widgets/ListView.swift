/// A scrolling list of one-line items with the selected one highlighted.
public struct ListView: Widget {
  /// The items, one per row.
  public var items: [String]
  /// The selection and scroll position.
  public var state: ListState
  /// The style of ordinary rows.
  public var style: Style
  /// The style of the selected row.
  public var selectedStyle: Style

  /// Creates a list view.
  public init(
    items: [String], state: ListState, style: Style = .normal, selectedStyle: Style = Style(.selected)
  ) {
    self.items = items
    self.state = state
    self.style = style
    self.selectedStyle = selectedStyle
  }

  /// Draws the visible items, one per row of `area`.
  public func render(into grid: inout Grid, area: Rect) {
    let offset = state.visibleOffset(rows: area.height)
    for row in 0..<area.height where offset + row < items.count {
      let index = offset + row
      let rowStyle = index == state.selected ? selectedStyle : style
      let line = items[index].padded(toWidth: area.width)
      grid.put(line, at: Point(x: area.x, y: area.y + row), style: rowStyle, maxWidth: area.width)
    }
  }
}
