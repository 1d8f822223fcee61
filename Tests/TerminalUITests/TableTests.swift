import Testing

@testable import TerminalUI

@Suite("Table")
struct TableTests {
  let columns = [
    TableColumn("Nome", width: .fill(1)),
    TableColumn("País", width: .length(8)),
    TableColumn("N.º", width: .length(3), alignment: .trailing),
  ]
  let rows = [
    ["王小明", "China", "1"],
    ["Nguyễn Thị Hồng", "Vietname", "12"],
    ["محمد علي", "Marrocos", "7"],
    ["Мария Иванова", "Rússia", "3"],
  ]

  @Test("columns start at the same display column whatever the script")
  func alignment() throws {
    var grid = Grid(width: 30, height: 5)
    grid.render(Table(columns: columns, rows: rows), in: grid.area)
    #expect(grid.lines[0] == "Nome              País     N.º")
    for line in grid.lines.dropFirst() {
      let country = try #require(line.firstIndex { "CVMR".contains($0) })
      #expect(line[..<country].displayWidth == 18)
      #expect(line.displayWidth == 30)
    }
    #expect(grid.lines[1] == "王小明            China      1")
    #expect(grid.lines[2] == "Nguyễn Thị Hồng   Vietname  12")
  }

  @Test("on a very wide area the columns spread over a readable width; the selected row is lit across")
  func readableWidth() {
    var grid = Grid(width: 240, height: 5)
    let table = Table(columns: columns, rows: rows, state: ListState(count: rows.count))
    grid.render(table, in: grid.area)
    let header = grid.lines[0]
    #expect(header.hasPrefix("Nome"))
    let used = String(header.reversed().drop { $0 == " " }.reversed())
    #expect(used.hasSuffix("N.º") && used.displayWidth == Table.readableWidth, "\(header)")
    #expect(grid.lines[1].hasSuffix("China      1") && grid.lines[1].displayWidth == Table.readableWidth)
    #expect(grid[239, 1].style == Style(.selected))
    #expect(grid[239, 2].style != Style(.selected))
    // At or under the readable width nothing changes.
    var narrow = Grid(width: Table.readableWidth, height: 5)
    narrow.render(table, in: narrow.area)
    #expect(narrow.lines[0].hasSuffix("N.º"))
  }

  @Test("flexible columns share the width left by fixed ones")
  func widths() {
    let table = Table(
      columns: [
        TableColumn("a", width: .fill(1)), TableColumn("b", width: .length(4)),
        TableColumn("c", width: .fill(1)),
      ],
      rows: [])
    #expect(table.columnWidths(totalWidth: 20) == [7, 4, 7])
    #expect(table.columnWidths(totalWidth: 5) == [0, 4, 0])
  }

  @Test("long names are truncated in their column and the selected row is highlighted")
  func selection() {
    var state = ListState(count: rows.count, pageSize: 2)
    state.select(3)
    var grid = Grid(width: 20, height: 3)
    grid.render(Table(columns: columns, rows: rows, state: state), in: grid.area)
    #expect(grid.lines == ["Nome    País     N.º", "محمد ع… Marrocos   7", "Мария…  Rússia     3"])
    #expect(grid[19, 2].style.role == .selected)
    #expect(grid[19, 1].style.role == .normal)
    #expect(grid[0, 0].style.role == .header)
  }
}
