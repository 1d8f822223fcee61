/// A column of a ``Table``.
public struct TableColumn: Hashable, Sendable {
  /// The header text.
  public var title: String
  /// The column width: `.length` for fixed, `.fill` for a share of the rest, or `.percent`.
  public var width: Constraint
  /// Where values sit in the column.
  public var alignment: Alignment

  /// Creates a column.
  public init(_ title: String, width: Constraint, alignment: Alignment = .leading) {
    self.title = title
    self.width = width
    self.alignment = alignment
  }
}

/// Rows of text aligned in columns by display width, with a header and a highlighted selected row.
public struct Table: Widget {
  /// The columns.
  public var columns: [TableColumn]
  /// The number of rows.
  public var rowCount: Int
  /// The values of row `index`, one string per column: asked only for the rows drawn.
  public var row: (Int) -> [String]
  /// The selection and scroll position, or nil for a table without selection.
  public var state: ListState?
  /// Spaces between columns.
  public var spacing: Int

  /// The widest the columns spread (the classic wide terminal): on a wider area the rest of each row stays
  /// blank, so the eye does not cross a whole 240-column screen from a name to its status.
  public static let readableWidth = 132

  /// Creates a table of `rows`, one string per column.
  public init(columns: [TableColumn], rows: [[String]], state: ListState? = nil, spacing: Int = 1) {
    self.init(columns: columns, rowCount: rows.count, state: state, spacing: spacing) { rows[$0] }
  }

  /// Creates a table of `rowCount` rows whose values `row` makes when the row is drawn, so a long list
  /// costs only the rows on screen.
  public init(
    columns: [TableColumn], rowCount: Int, state: ListState? = nil, spacing: Int = 1,
    row: @escaping (Int) -> [String]
  ) {
    self.columns = columns
    self.rowCount = rowCount
    self.row = row
    self.state = state
    self.spacing = spacing
  }

  /// The width of each column when the table is `totalWidth` columns wide.
  public func columnWidths(totalWidth: Int) -> [Int] {
    var constraints: [Constraint] = []
    for (index, column) in columns.enumerated() {
      if index > 0 { constraints.append(.length(spacing)) }
      constraints.append(column.width)
    }
    let sizes = Constraint.resolve(constraints, total: totalWidth)
    return stride(from: 0, to: sizes.count, by: 2).map { sizes[$0] }
  }

  /// Draws the header on the first row of `area` and the visible rows below it.
  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    let widths = columnWidths(totalWidth: min(area.width, Self.readableWidth))
    draw(columns.map(\.title), into: &grid, y: area.y, widths: widths, area: area, style: Style(.header))
    let bodyRows = area.height - 1
    let offset = state?.visibleOffset(rows: bodyRows) ?? 0
    for line in 0..<bodyRows where offset + line < rowCount {
      let index = offset + line
      let style = index == state?.selected ? Style(.selected) : .normal
      draw(row(index), into: &grid, y: area.y + 1 + line, widths: widths, area: area, style: style)
    }
  }

  /// Draws one row of `values`, each cut to its column and aligned in it, the gaps and the rest of the row
  /// blank in the same style.
  private func draw(
    _ values: [String], into grid: inout Grid, y: Int, widths: [Int], area: Rect, style: Style
  ) {
    grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
    var x = area.x
    for (index, column) in columns.enumerated() {
      let value = index < values.count ? values[index] : ""
      let (text, gap) = value.fitted(toWidth: widths[index])
      let left =
        switch column.alignment {
        case .leading: 0
        case .trailing: gap
        case .center: gap / 2
        }
      // The padding is the row's blanks, already there.
      grid.put(text, at: Point(x: x + left, y: y), style: style)
      x += widths[index] + spacing
    }
  }
}
