/// A ``ListView`` that gives its last row to a line saying what lies above and below when its items outrun
/// its rows, so a list is seen to scroll.
public struct ScrollList: Widget {
  /// The items, one per row.
  public var items: [String]
  /// The selection and scroll position.
  public var state: ListState
  /// The style of the selected row.
  public var selectedStyle: Style
  /// The line saying how many items lie above and below the rows shown, nil to say nothing.
  public var beyond: (_ above: Int, _ below: Int) -> String?

  /// Creates a list whose hidden items `beyond` describes.
  public init(
    items: [String], state: ListState, selectedStyle: Style = Style(.selected),
    beyond: @escaping (_ above: Int, _ below: Int) -> String?
  ) {
    self.items = items
    self.state = state
    self.selectedStyle = selectedStyle
    self.beyond = beyond
  }

  /// The rows the items get in `height` rows: all of them, or all but the last when `count` items need more.
  public static func itemRows(count: Int, height: Int) -> Int {
    count > height ? max(1, height - 1) : height
  }

  /// Draws the visible items and, under them, what lies beyond.
  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    let rows = Self.itemRows(count: items.count, height: area.height)
    var shown = state
    shown.pageSize = rows
    grid.render(
      ListView(items: items, state: shown, selectedStyle: selectedStyle),
      in: Rect(x: area.x, y: area.y, width: area.width, height: rows))
    guard rows < area.height else { return }
    let above = shown.visibleOffset(rows: rows)
    let below = max(0, items.count - above - rows)
    if let line = beyond(above, below) {
      grid.put(line, at: Point(x: area.x, y: area.maxY - 1), role: .muted, maxWidth: area.width)
    }
  }
}
