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

  /// A bordered horizontal bar chart of tallies, or a muted line when there is nothing. When the bars outrun
  /// the box, its last row says how many are left out (`more`, given that count) rather than cutting them
  /// silently; the bars keep the scale of all of them.
  static func chartBox(
    _ title: String, _ bars: [BarChart.Bar], into grid: inout Grid, area: Rect, empty: String,
    more: (Int) -> String
  ) {
    let block = Block(title: title)
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    guard !inner.isEmpty else { return }
    if bars.isEmpty {
      grid.put(empty, at: inner.origin, role: .muted, maxWidth: inner.width)
      return
    }
    let (rows, left) = leftOut(bars.count, height: inner.height, width: inner.width, more: more)
    let top = bars.map(\.value).max() ?? 0
    grid.render(
      BarChart(bars: Array(bars.prefix(rows)), orientation: .horizontal, maximum: top),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: rows))
    for (row, line) in left.enumerated() {
      grid.put(line, at: Point(x: inner.x, y: inner.y + rows + row), role: .muted, maxWidth: inner.width)
    }
  }

  /// How many of `count` bars a box `height` rows high and `width` wide shows, and under them the line saying
  /// how many it leaves out (`more`, given that count) whole, on as many rows as it needs; a box too low for
  /// that gets the line on one row, cut with "…". No line when all the bars fit.
  static func leftOut(_ count: Int, height: Int, width: Int, more: (Int) -> String) -> (
    rows: Int, lines: [String]
  ) {
    let rows = ScrollList.itemRows(count: count, height: height)
    guard count > rows else { return (rows, []) }
    var needed = 1
    while needed < height {
      let lines = more(count - (height - needed)).wrappedEvenly(toWidth: width)
      if lines.count <= needed { return (height - needed, lines) }
      needed = lines.count
    }
    return (rows, [more(count - rows).truncated(toWidth: width)])
  }

  /// The rows a box of tallies takes: its items and borders (one row when empty), at least three rows and at
  /// most `limit`.
  static func boxHeight(_ count: Int, limit: Int) -> Int {
    max(3, min(max(1, count) + 2, limit))
  }

  /// The line under a cut list: how many items lie above and below it, nil when none do.
  static func beyond(_ tr: Translator) -> (Int, Int) -> String? {
    { tr.beyond(above: $0, below: $1, more: "list.more") }
  }
}
