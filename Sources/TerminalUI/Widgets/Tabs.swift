/// A row of tab titles with the selected one highlighted.
public struct Tabs: Widget {
  /// The titles, already translated.
  public var titles: [String]
  /// The index of the selected tab.
  public var selected: Int

  /// Creates a tab bar.
  public init(titles: [String], selected: Int) {
    self.titles = titles
    self.selected = selected
  }

  /// Draws " A │ B │ C " on the first row of `area`, clipped to it.
  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    var x = area.x
    for (index, title) in titles.enumerated() {
      if index > 0 {
        x += grid.put("│", at: Point(x: x, y: area.y), role: .border, maxWidth: area.maxX - x)
      }
      let role: Role = index == selected ? .selected : .normal
      x += grid.put(" \(title) ", at: Point(x: x, y: area.y), role: role, maxWidth: area.maxX - x)
    }
  }
}
