import Testing

@testable import TerminalUI

@Suite("List selection and scrolling")
struct ListStateTests {
  @Test("moving down past the page scrolls to keep the selection visible")
  func scrollDown() {
    var state = ListState(count: 20, pageSize: 5)
    #expect(state.selected == 0)
    for _ in 0..<6 { state.moveDown() }
    #expect(state.selected == 6)
    #expect(state.offset == 2)
    state.moveUp()
    state.moveUp()
    #expect(state.offset == 2)
    state.moveUp()
    #expect(state.selected == 3)
    #expect(state.offset == 2)
    state.moveUp()
    state.moveUp()
    #expect(state.selected == 1)
    #expect(state.offset == 1)
  }

  @Test("pages, home and end stay inside the list")
  func paging() {
    var state = ListState(count: 12, pageSize: 5)
    state.pageDown()
    #expect(state.selected == 5)
    #expect(state.offset == 1)
    state.pageDown()
    state.pageDown()
    #expect(state.selected == 11)
    #expect(state.offset == 7)
    state.pageUp()
    #expect(state.selected == 6)
    #expect(state.offset == 6)
    state.moveToFirst()
    #expect(state.selected == 0)
    #expect(state.offset == 0)
    state.moveUp()
    #expect(state.selected == 0)
    let handled = [state.handle(.end), state.handle(.character("x"))]
    #expect(handled == [true, false])
    #expect(state.selected == 11)
  }

  @Test("an empty list has no selection, and shrinking keeps the selection inside")
  func counts() {
    var state = ListState(count: 0)
    state.moveDown()
    #expect(state.selected == nil)
    state.count = 3
    #expect(state.selected == 0)
    state.moveToLast()
    state.count = 2
    #expect(state.selected == 1)
    state.count = 0
    #expect(state.selected == nil)
  }

  @Test("drawing in fewer rows than the page still shows the selection")
  func visibleOffset() {
    var state = ListState(count: 30, pageSize: 10)
    state.select(9)
    #expect(state.offset == 0)
    #expect(state.visibleOffset(rows: 4) == 6)
  }

  @Test("the list view draws the visible window with the selection highlighted")
  func listView() {
    var state = ListState(count: 5, pageSize: 2)
    state.select(3)
    var grid = Grid(width: 6, height: 2)
    grid.render(ListView(items: ["um", "dois", "três", "quatro", "cinco"], state: state), in: grid.area)
    #expect(grid.lines == ["três", "quatro"])
    #expect(grid[5, 1].style.role == .selected)
    #expect(grid[5, 0].style.role == .normal)
  }
}
