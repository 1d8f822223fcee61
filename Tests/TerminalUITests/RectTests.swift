import Testing

@testable import TerminalUI

@Suite("Rect")
struct RectTests {
  let screen = Rect(x: 0, y: 0, width: 80, height: 24)

  @Test("rows split by length, percent and fill add up to the height")
  func splitRows() {
    let rows = screen.splitRows([.length(1), .percent(50), .fill(1), .length(1)])
    #expect(rows.map(\.height) == [1, 12, 10, 1])
    #expect(rows.map(\.y) == [0, 1, 13, 23])
    #expect(rows.allSatisfy { $0.width == 80 })
  }

  @Test("rows are the rectangle's one-cell-high lines, top to bottom; none for an empty one")
  func eachRow() {
    let rows = Rect(x: 3, y: 4, width: 7, height: 3).rows
    #expect(rows == [0, 1, 2].map { Rect(x: 3, y: 4 + $0, width: 7, height: 1) })
    #expect(Rect(x: 3, y: 4, width: 7, height: 0).rows.isEmpty)
  }

  @Test("fill shares by weight and the last fill takes the remainder")
  func fillWeights() {
    let columns = Rect(x: 5, y: 0, width: 10, height: 1).splitColumns([.fill(1), .fill(2)])
    #expect(columns.map(\.width) == [3, 7])
    #expect(columns.map(\.x) == [5, 8])
  }

  @Test("lengths larger than the space are cut")
  func overflow() {
    let rows = Rect(x: 0, y: 0, width: 1, height: 3).splitRows([.length(2), .length(2), .fill(1)])
    #expect(rows.map(\.height) == [2, 1, 0])
  }

  @Test("inset, intersection and centring")
  func geometry() {
    #expect(screen.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
    #expect(Rect(x: 0, y: 0, width: 3, height: 3).inset(by: 2).isEmpty)
    let a = Rect(x: 0, y: 0, width: 10, height: 10)
    #expect(a.intersection(Rect(x: 5, y: 8, width: 10, height: 10)) == Rect(x: 5, y: 8, width: 5, height: 2))
    #expect(a.intersection(Rect(x: 20, y: 0, width: 5, height: 5)).isEmpty)
    #expect(screen.centered(Size(width: 20, height: 4)) == Rect(x: 30, y: 10, width: 20, height: 4))
  }
}
