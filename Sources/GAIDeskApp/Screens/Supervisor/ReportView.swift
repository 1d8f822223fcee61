import GAIDesk
import TerminalUI

/// Draws what the core's reports computed: figure lines and bar charts (nothing is counted here).
enum ReportView {
  /// Figure lines, values in a column; a line too wide puts its value on the next line. Returns rows used.
  @discardableResult
  static func lines(_ lines: [ReportLine], into grid: inout Grid, area: Rect) -> Int {
    let column = valueColumn(lines, width: area.width)
    var row = 0
    for line in lines where row < area.height {
      let fits = fits(line, column: column, width: area.width)
      if fits {
        grid.put(
          line.label.padded(toWidth: column) + line.value, at: Point(x: area.x, y: area.y + row),
          role: .normal, maxWidth: area.width)
        row += 1
      } else {
        grid.put(line.label, at: Point(x: area.x, y: area.y + row), role: .normal, maxWidth: area.width)
        row += 1
        for part in line.value.wrapped(toWidth: max(1, area.width - 2)) where row < area.height {
          grid.put("  " + part, at: Point(x: area.x, y: area.y + row), role: .normal, maxWidth: area.width)
          row += 1
        }
      }
    }
    return min(row, area.height)
  }

  /// The rows `lines` takes in a column `width` wide.
  static func height(of lines: [ReportLine], width: Int) -> Int {
    let column = valueColumn(lines, width: width)
    return lines.reduce(0) { rows, line in
      rows
        + (fits(line, column: column, width: width)
          ? 1 : 1 + line.value.wrapped(toWidth: max(1, width - 2)).count)
    }
  }

  /// Where values start: after the longest label, but leaving room for the values that fit a line.
  private static func valueColumn(_ lines: [ReportLine], width: Int) -> Int {
    let label = lines.map { $0.label.displayWidth + 1 }.max() ?? 0
    let value = lines.map(\.value.displayWidth).filter { $0 <= width / 3 }.max() ?? 0
    return max(1, min(label, width - value))
  }

  private static func fits(_ line: ReportLine, column: Int, width: Int) -> Bool {
    line.label.displayWidth < column && column + line.value.displayWidth <= width
  }

  /// The fewest columns the charts beside the figures keep.
  static let minimumChartsWidth = 30

  /// Splits `area` into the figures' box (left) and the charts' (right): the figures' box is as wide as its
  /// widest line needs (label, a space, value, the border and margins) so that no value goes to the next
  /// line, at least half of `area`, and leaves the charts ``minimumChartsWidth`` columns.
  static func figuresAndCharts(_ lines: [ReportLine], area: Rect) -> (figures: Rect, charts: Rect) {
    let label = lines.map(\.label.displayWidth).max() ?? 0
    let value = lines.map(\.value.displayWidth).max() ?? 0
    let needed = label + 1 + value + 4
    let width = max((area.width + 1) / 2, min(needed, area.width - minimumChartsWidth))
    let columns = area.splitColumns([.length(width), .fill(1)])
    return (columns[0], columns[1])
  }

  /// A bordered horizontal bar chart of tallies, or a muted line when there is nothing.
  static func chartBox(
    _ title: String, _ bars: [BarChart.Bar], into grid: inout Grid, area: Rect, empty: String
  ) {
    let block = Block(title: title)
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    if bars.isEmpty {
      grid.put(empty, at: inner.origin, role: .muted, maxWidth: inner.width)
    } else {
      grid.render(BarChart(bars: bars, orientation: .horizontal), in: inner)
    }
  }
}
