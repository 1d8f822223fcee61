/// A rectangle of cells that widgets render into and a backend draws, like ratatui's `Buffer`.
public struct Grid: Hashable, Sendable {
  /// The number of columns.
  public let width: Int
  /// The number of rows.
  public let height: Int
  /// The cells, row by row.
  public private(set) var cells: [Cell]

  /// Creates a grid of blank cells.
  public init(width: Int, height: Int, style: Style = .normal) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: .blank(style), count: self.width * self.height)
  }

  /// Creates a grid of blank cells of `size`.
  public init(size: Size) {
    self.init(width: size.width, height: size.height)
  }

  /// The whole grid as a rectangle at the origin.
  public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// The cell at column `x`, row `y` (which must be inside the grid).
  public subscript(x: Int, y: Int) -> Cell {
    cells[y * width + x]
  }

  /// Writes `text` from `point` on one row, clipped to the grid and `maxWidth`; returns the columns used.
  ///
  /// Controls and lone combining marks are skipped; a wide grapheme that does not fit whole is not drawn.
  @discardableResult
  public mutating func put(_ text: String, at point: Point, style: Style, maxWidth: Int? = nil) -> Int {
    guard point.y >= 0, point.y < height else { return 0 }
    let limit = min(width, point.x + (maxWidth ?? width))
    if let used = putStandingAlone(text, at: point, style: style, limit: limit) { return used }
    var x = point.x
    for character in text {
      if character.unicodeScalars.count == 1 {
        let w = character.displayWidth
        if w == 0 { continue }
        if x + w > limit { break }
        if x >= 0 {
          set(Cell(scalar: character.unicodeScalars.first!, width: w, style: style), x: x, y: point.y)
        }
        x += w
        continue
      }
      // A sequence (ZWJ family, flag, accented letter): one cell per code point the terminal counts.
      let cells = character.terminalCells
      let w = cells.reduce(0) { $0 + $1.width }
      if w == 0 { continue }
      if x + w > limit { break }
      for cell in cells {
        if x >= 0 { set(Cell(grapheme: cell.text, width: cell.width, style: style), x: x, y: point.y) }
        x += cell.width
      }
    }
    return max(0, x - point.x)
  }

  /// `put` for text whose scalars all stand alone (ASCII, accented Latin, box drawing…), scalar by scalar
  /// without grapheme breaking; nil for any other text. Controls take no column and are skipped.
  private mutating func putStandingAlone(_ text: String, at point: Point, style: Style, limit: Int) -> Int? {
    let scalars = text.unicodeScalars
    guard scalars.allSatisfy(\.standsAlone) else { return nil }
    var x = point.x
    let row = point.y * width
    for scalar in scalars {
      let w = scalar.displayWidth
      if w == 0 { continue }
      if x + w > limit { break }
      if x >= 0 {
        if w == 1, cells[row + x].width == 1 {
          cells[row + x] = Cell(scalar: scalar, width: 1, style: style)
        } else {
          set(Cell(scalar: scalar, width: w, style: style), x: x, y: point.y)
        }
      }
      x += w
    }
    return max(0, x - point.x)
  }

  /// Writes `text` in `role` from `point` on one row; returns the columns used.
  @discardableResult
  public mutating func put(
    _ text: String, at point: Point, role: Role = .normal, attributes: Attributes = [], maxWidth: Int? = nil
  ) -> Int {
    put(text, at: point, style: Style(role, attributes: attributes), maxWidth: maxWidth)
  }

  /// Fills `rect` (clipped to the grid) with spaces in `style`.
  ///
  /// A wide grapheme cut by the rectangle's left or right edge is replaced by blanks, as `put` does.
  public mutating func fill(_ rect: Rect, style: Style) {
    let clipped = rect.intersection(area)
    guard !clipped.isEmpty else { return }
    let blank = Cell.blank(style)
    for y in clipped.y..<clipped.maxY {
      let row = y * width
      clearWide(x: clipped.x, y: y)
      clearWide(x: clipped.maxX - 1, y: y)
      for index in (row + clipped.x)..<(row + clipped.maxX) { cells[index] = blank }
    }
  }

  /// Fills `rect` (clipped to the grid) with spaces in `role`.
  public mutating func fill(_ rect: Rect, role: Role) {
    fill(rect, style: Style(role))
  }

  /// Changes the style of the cells in `rect` without changing their text.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    let clipped = rect.intersection(area)
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX { cells[y * width + x].style = style }
    }
  }

  /// The text of each row, wide graphemes once, trailing spaces trimmed: for snapshots.
  public var lines: [String] {
    (0..<height).map { y in
      var line = ""
      for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].grapheme }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// Stores `cell` (which must fit) at (`x`, `y`), first clearing any wide grapheme it would cut in half.
  private mutating func set(_ cell: Cell, x: Int, y: Int) {
    clearWide(x: x, y: y)
    if cell.width == 2 { clearWide(x: x + 1, y: y) }
    cells[y * width + x] = cell
    if cell.width == 2 { cells[y * width + x + 1] = .continuation(cell.style) }
  }

  /// Replaces the wide grapheme covering (`x`, `y`), if any, by blanks.
  private mutating func clearWide(x: Int, y: Int) {
    let cell = self[x, y]
    if cell.isContinuation, x > 0 {
      cells[y * width + x - 1] = .blank(self[x - 1, y].style)
      cells[y * width + x] = .blank(cell.style)
    } else if cell.width == 2, x + 1 < width {
      cells[y * width + x + 1] = .blank(cell.style)
    }
  }
}
