/// One terminal cell: a grapheme cluster and its style, or the right half of a wide grapheme.
public struct Cell: Hashable, Sendable {
  /// The grapheme cluster drawn here (empty for a continuation cell).
  public var grapheme: String
  /// Columns the grapheme takes: 1 or 2, or 0 for the continuation of a wide grapheme.
  public var width: Int
  /// How the cell is drawn.
  public var style: Style

  /// Creates a cell holding `character` in `style`.
  public init(_ character: Character, style: Style = .normal) {
    self.grapheme = String(character)
    self.width = min(2, max(1, character.displayWidth))
    self.style = style
  }

  /// A cell holding `grapheme`, which takes `width` columns (1 or 2).
  init(grapheme: String, width: Int, style: Style) {
    self.grapheme = grapheme
    self.width = width
    self.style = style
  }

  /// A space in `style`.
  public static func blank(_ style: Style = .normal) -> Cell {
    Cell(grapheme: " ", width: 1, style: style)
  }

  /// The right half of a wide grapheme drawn in `style`.
  public static func continuation(_ style: Style) -> Cell {
    Cell(grapheme: "", width: 0, style: style)
  }

  /// Whether this cell is the right half of a wide grapheme.
  public var isContinuation: Bool { width == 0 }

  /// Same grapheme, width and style (the cheap fields first: a frame's diff compares every cell).
  public static func == (a: Cell, b: Cell) -> Bool {
    a.width == b.width && a.style == b.style && a.grapheme == b.grapheme
  }
}
