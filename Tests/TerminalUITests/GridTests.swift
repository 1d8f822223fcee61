import Testing

@testable import TerminalUI

@Suite("Grid")
struct GridTests {
  @Test("a wide character takes two cells, the second a continuation")
  func wideCells() {
    var grid = Grid(width: 8, height: 1)
    let used = grid.put("王a", at: Point(x: 1, y: 0), role: .title)
    #expect(used == 3)
    #expect(grid[1, 0].grapheme == "王")
    #expect(grid[2, 0].isContinuation)
    #expect(grid[3, 0].grapheme == "a")
    #expect(grid[2, 0].style == Style(.title))
    #expect(grid.lines == [" 王a"])
  }

  @Test("writing over either half of a wide character clears it")
  func overwriteHalves() {
    var grid = Grid(width: 6, height: 1)
    grid.put("王小", at: Point(x: 0, y: 0))
    grid.put("x", at: Point(x: 1, y: 0))
    #expect(grid.lines == [" x小"])
    grid.put("y", at: Point(x: 2, y: 0))
    #expect(grid.lines == [" xy"])
    #expect(!grid[3, 0].isContinuation)
    grid.put("明", at: Point(x: 3, y: 0))
    grid.put("明", at: Point(x: 2, y: 0))
    #expect(grid.lines == [" x明"])
    #expect((0..<6).map { grid[$0, 0].width } == [1, 1, 2, 0, 1, 1])
  }

  @Test("text is clipped to the grid and maxWidth, never splitting a wide character")
  func clipping() {
    var grid = Grid(width: 5, height: 2)
    #expect(grid.put("ab王", at: Point(x: 2, y: 0)) == 2)
    #expect(grid.put("王小明", at: Point(x: 0, y: 1), maxWidth: 3) == 2)
    #expect(grid.lines == ["  ab", "王"])
    #expect(grid.put("x", at: Point(x: 0, y: 5)) == 0)
  }

  @Test("combining marks stay in their grapheme's cell")
  func combining() {
    var grid = Grid(width: 6, height: 1)
    #expect(grid.put("Jo\u{61}\u{303}o", at: Point(x: 0, y: 0)) == 4)
    #expect(grid[2, 0].grapheme == "\u{61}\u{303}")
  }

  @Test("fill sets spaces in a role, clipped to the grid")
  func fill() {
    var grid = Grid(width: 4, height: 2)
    grid.put("abcd", at: Point(x: 0, y: 0))
    grid.fill(Rect(x: 2, y: 0, width: 10, height: 10), role: .selected)
    #expect(grid.lines == ["ab", ""])
    #expect(grid[3, 1].style.role == .selected)
    #expect(grid[1, 1].style.role == .normal)
  }

  @Test("diff lists only the changed runs")
  func diff() {
    var old = Grid(width: 10, height: 3)
    old.put("Maria", at: Point(x: 0, y: 0))
    var new = old
    new.put("Mário", at: Point(x: 0, y: 0))
    new.put("ok", at: Point(x: 8, y: 2), role: .success)
    let changes = new.diff(from: old)
    #expect(changes.map(\.position) == [Point(x: 1, y: 0), Point(x: 4, y: 0), Point(x: 8, y: 2)])
    #expect(changes.map { $0.cells.map(\.grapheme).joined() } == ["á", "o", "ok"])
    #expect(new.diff(from: new).isEmpty)
  }

  @Test("a style change alone is a change")
  func diffStyle() {
    let old = Grid(width: 3, height: 1)
    var new = old
    new.setStyle(Style(.selected), in: Rect(x: 1, y: 0, width: 1, height: 1))
    #expect(
      new.diff(from: old) == [CellChange(position: Point(x: 1, y: 0), cells: [.blank(Style(.selected))])])
  }

  @Test("a run never starts on a continuation cell")
  func diffContinuation() {
    var old = Grid(width: 4, height: 1)
    old.put("王", at: Point(x: 0, y: 0), role: .normal)
    var new = Grid(width: 4, height: 1)
    new.put("王", at: Point(x: 0, y: 0), role: .normal)
    new.setStyle(Style(.title), in: Rect(x: 1, y: 0, width: 1, height: 1))
    let changes = new.diff(from: old)
    #expect(changes.count == 1)
    #expect(changes.first?.position == Point(x: 0, y: 0))
    #expect(changes.first?.cells.first?.grapheme == "王")
  }

  @Test("grids of different sizes differ in every cell")
  func diffResize() {
    let changes = Grid(width: 3, height: 2).diff(from: Grid(width: 2, height: 2))
    #expect(changes.map(\.cells.count) == [3, 3])
  }
}

@Suite("Emoji rows")
struct EmojiRowTests {
  @Test("a ZWJ family and a flag fill the columns ncurses counts, and the border after them stays put")
  func familyAndFlagRow() {
    var grid = Grid(width: 30, height: 2)
    for (row, name) in ["Maria 👩‍👩‍👧 Silva 🇨🇻", "Ana Lopes"].enumerated() {
      grid.put("│" + name.padded(toWidth: 28) + "│", at: Point(x: 0, y: row), style: .normal)
    }
    #expect(grid.lines == ["│Maria 👩👩👧 Silva 🇨🇻       │", "│Ana Lopes                   │"])
    #expect(grid[29, 0].grapheme == "│" && grid[29, 1].grapheme == "│")
    #expect(grid[7, 0].grapheme == "👩" && grid[8, 0].isContinuation && grid[9, 0].grapheme == "👩")
  }

  @Test("a cell keeps its grapheme, width and style in eight bytes, clusters of several scalars included")
  func compactCells() {
    #expect(MemoryLayout<Cell>.size == 8)
    let decomposed = "a\u{303}"
    var cells = [
      Cell("x"), Cell("王", style: Style(.title, attributes: .bold)), Cell(Character(decomposed)),
      Cell(Character("\u{E3}")), .blank(Style(.warning)), .continuation(Style(.selected)), Cell("\u{0}"),
    ]
    #expect(cells.map(\.grapheme) == ["x", "王", decomposed, "\u{E3}", " ", "", "\u{0}"])
    #expect(cells.map(\.width) == [1, 2, 1, 1, 1, 0, 1])
    #expect(cells[1].style == Style(.title, attributes: .bold) && cells[5].style == Style(.selected))
    // The decomposed and the precomposed ã are the same text but not the same bytes for the terminal.
    #expect(cells[2] != cells[3] && cells[2] == Cell(Character(decomposed)))
    cells[2].style = Style(.error, attributes: [.underline, .reverse])
    #expect(cells[2].grapheme == decomposed && cells[2].width == 1)
    #expect(cells[2].style == Style(.error, attributes: [.underline, .reverse]))
  }
}
