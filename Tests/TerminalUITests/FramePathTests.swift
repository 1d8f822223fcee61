import Testing

@testable import TerminalUI

/// The quick paths of a frame (ASCII byte by byte, fills, diffs, tables asked only for visible rows) draw
/// exactly what the general paths draw.
@Suite("Frame paths")
struct FramePathTests {
  @Test("a long table asks only for the rows it draws, and draws what the array form draws")
  func visibleRowsOnly() {
    let columns = [TableColumn("N.º", width: .length(4)), TableColumn("Nome", width: .fill(1))]
    let values = (0..<10_000).map { ["\($0)", "Pessoa \($0) Monteiro"] }
    var state = ListState(count: values.count, pageSize: 5)
    state.select(5_000)
    var asked: [Int] = []
    var lazy = Grid(width: 30, height: 6)
    lazy.render(
      Table(columns: columns, rowCount: values.count, state: state) { index in
        asked.append(index)
        return values[index]
      }, in: lazy.area)
    #expect(asked.count == 5)
    #expect(asked.allSatisfy { (4_996...5_000).contains($0) })
    var whole = Grid(width: 30, height: 6)
    whole.render(Table(columns: columns, rows: values, state: state), in: whole.area)
    #expect(lazy == whole)
    #expect(lazy.lines.last == "5000 Pessoa 5000 Monteiro")
  }

  @Test("ASCII text is measured and written as the grapheme path does: controls, CR LF, the edge")
  func asciiAsGraphemes() {
    for text in ["abc", "a\tb\r\nc\u{7F}d", "\r\n", "", "  x  ", "plain ASCII line longer than the grid"] {
      #expect(text.displayWidth == text.reduce(0) { $0 + $1.displayWidth })
      var ascii = Grid(width: 12, height: 1)
      // A trailing "é" sends the same text down the grapheme path.
      var general = Grid(width: 12, height: 1)
      let used = ascii.put(text, at: Point(x: 1, y: 0), role: .title, maxWidth: 9)
      let usedGeneral = general.put(text + "\u{E9}", at: Point(x: 1, y: 0), role: .title, maxWidth: 9)
      let columns = text.displayWidth
      #expect(used == min(columns, 9))
      if columns < 9 {
        #expect(usedGeneral == columns + 1)
        #expect(general[1 + columns, 0].grapheme == "\u{E9}")
        general.put(" ", at: Point(x: 1 + columns, y: 0), role: .normal)
      }
      #expect(ascii == general)
    }
  }

  @Test("filling across half of a wide character clears its other half, as writing does")
  func fillCutsWide() {
    var grid = Grid(width: 6, height: 1)
    grid.put("王小明", at: Point(x: 0, y: 0), role: .title)
    grid.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: Style(.warning))
    #expect(grid.lines == ["    明"])
    #expect(grid[0, 0] == .blank(Style(.title)))
    #expect(grid[3, 0] == .blank(Style(.title)))
    #expect(grid[1, 0] == .blank(Style(.warning)))
    #expect(grid[4, 0].grapheme == "明")
  }

  @Test("the diff gives each run of changed cells, a run on a wide character's right half from its left")
  func diffRuns() {
    var old = Grid(width: 8, height: 2)
    old.put("王小 ab", at: Point(x: 0, y: 0))
    var new = old
    new.put("c", at: Point(x: 6, y: 0))
    new.put("xy", at: Point(x: 2, y: 1))
    new.setStyle(Style(.selected), in: Rect(x: 1, y: 0, width: 1, height: 1))
    let changes = new.diff(from: old)
    #expect(changes.map(\.position) == [Point(x: 0, y: 0), Point(x: 6, y: 0), Point(x: 2, y: 1)])
    #expect(changes.map(\.cells.count) == [2, 1, 2])
    #expect(new.diff(from: new).isEmpty)
    #expect(new.diff(from: Grid(width: 4, height: 2)).count == 2)
  }
}

@Suite("Scalars that stand alone")
struct StandingAloneTests {
  @Test(
    "each such scalar is a grapheme of its own beside any other (CR LF apart), so drawing it alone is right")
  func graphemePerScalar() {
    let ranges: [ClosedRange<UInt32>] = [0x00...0x2FF, 0x2010...0x2027, 0x2500...0x25FF]
    let scalars = ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
    #expect(scalars.allSatisfy { $0.standsAlone })
    let combining = Unicode.Scalar(0x300 as UInt32)
    let joiner = Unicode.Scalar(0x200D as UInt32)
    #expect(combining.map { !$0.standsAlone } == true)
    #expect(joiner.map { !$0.standsAlone } == true)
    // Every pair: 1,048² strings of two scalars.
    var joined = 0
    for a in scalars {
      for b in scalars where !(a == "\r" && b == "\n") {
        var text = ""
        text.unicodeScalars.append(a)
        text.unicodeScalars.append(b)
        if text.count != 2 { joined += 1 }
      }
    }
    #expect(joined == 0)
  }
}
