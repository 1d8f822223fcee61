/// A small trend line of block characters (▁▂▃▄▅▆▇█), one column per value, the latest on the right.
public struct Sparkline: Widget {
  /// The values, oldest first (negative values are drawn as zero).
  public var values: [Int]
  /// The value of a full-height column; by default the largest value.
  public var maximum: Int?

  /// Creates a sparkline.
  public init(values: [Int], maximum: Int? = nil) {
    self.values = values
    self.maximum = maximum
  }

  /// Draws the latest values that fit, as columns growing up from the bottom of `area`.
  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    let shown = values.suffix(area.width)
    let top = maximum ?? shown.max() ?? 0
    for (column, value) in shown.enumerated() {
      let eighths = scaledEighths(value, maximum: top, cells: area.height)
      grid.verticalBar(
        eighths: eighths, x: area.x + column, bottom: area.maxY - 1, width: 1, style: Style(.chartBar))
    }
  }
}
