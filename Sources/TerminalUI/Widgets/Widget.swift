/// Something that draws itself into an area of a grid and does nothing else, like a ratatui widget.
public protocol Widget {
  /// Draws into `area` of `grid`, never outside it.
  func render(into grid: inout Grid, area: Rect)
}

extension Grid {
  /// Draws `widget` into `area`.
  public mutating func render(_ widget: some Widget, in area: Rect) {
    widget.render(into: &self, area: area)
  }
}
