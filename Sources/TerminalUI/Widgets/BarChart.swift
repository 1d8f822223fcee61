/// Labelled bars scaled to their area, drawn upright or lying down.
public struct BarChart: Widget {
  /// One bar.
  public struct Bar: Hashable, Sendable {
    /// The label, already translated.
    public var label: String
    /// The value (negative values are drawn as zero).
    public var value: Int

    /// Creates a bar.
    public init(_ label: String, value: Int) {
      self.label = label
      self.value = value
    }
  }

  /// Which way bars grow.
  public enum Orientation: Hashable, Sendable {
    /// Bars grow upwards; labels below, values above the labels.
    case vertical
    /// Bars grow to the right; labels on the left (cut only where the bars would get less than a quarter of
    /// the width), values after the bar.
    case horizontal
  }

  /// The bars, in order.
  public var bars: [Bar]
  /// Which way the bars grow.
  public var orientation: Orientation
  /// The value of a full-length bar; by default the largest value.
  public var maximum: Int?
  /// Columns per bar in a vertical chart.
  public var barWidth: Int

  /// Creates a bar chart.
  public init(bars: [Bar], orientation: Orientation = .vertical, maximum: Int? = nil, barWidth: Int = 3) {
    self.bars = bars
    self.orientation = orientation
    self.maximum = maximum
    self.barWidth = barWidth
  }

  /// Draws the chart into `area`.
  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    let top = maximum ?? bars.map(\.value).max() ?? 0
    switch orientation {
    case .vertical: renderVertical(into: &grid, area: area, top: top)
    case .horizontal: renderHorizontal(into: &grid, area: area, top: top)
    }
  }

  private func renderVertical(into grid: inout Grid, area: Rect, top: Int) {
    let barRows = area.height - 2
    for (index, bar) in bars.enumerated() {
      let x = area.x + index * (barWidth + 1)
      guard x + barWidth <= area.maxX else { return }
      if barRows > 0 {
        let eighths = scaledEighths(bar.value, maximum: top, cells: barRows)
        grid.verticalBar(
          eighths: eighths, x: x, bottom: area.maxY - 3, width: barWidth, style: Style(.chartBar))
      }
      let value = String(max(0, bar.value)).padded(toWidth: barWidth, alignment: .center)
      grid.put(value, at: Point(x: x, y: area.maxY - 2), role: .normal, maxWidth: barWidth)
      let label = bar.label.padded(toWidth: barWidth, alignment: .center)
      grid.put(label, at: Point(x: x, y: area.maxY - 1), role: .muted, maxWidth: barWidth)
    }
  }

  private func renderHorizontal(into grid: inout Grid, area: Rect, top: Int) {
    let valueWidth = bars.map { String(max(0, $0.value)).count }.max() ?? 0
    // Labels take what the bars can spare: the bars keep a quarter of the width (at least 4 cells).
    let room = max(area.width / 3, area.width - valueWidth - 2 - max(4, area.width / 4))
    let labelWidth = min(bars.map(\.label.displayWidth).max() ?? 0, room)
    let barCells = max(0, area.width - labelWidth - valueWidth - 2)
    for (row, bar) in bars.enumerated().prefix(area.height) {
      let y = area.y + row
      grid.put(bar.label.padded(toWidth: labelWidth), at: Point(x: area.x, y: y), role: .muted)
      let eighths = scaledEighths(bar.value, maximum: top, cells: barCells)
      let text =
        String(repeating: "█", count: eighths / 8)
        + (eighths % 8 > 0 ? String(horizontalEighths[eighths % 8]) : "")
      let used = grid.put(
        text, at: Point(x: area.x + labelWidth + 1, y: y), role: .chartBar, maxWidth: barCells)
      grid.put(
        String(max(0, bar.value)), at: Point(x: area.x + labelWidth + 1 + used + 1, y: y), role: .normal)
    }
  }
}
