import Testing

@testable import TerminalUI

@Suite("Widgets")
struct WidgetTests {
  @Test("a block draws a box with its title and reports its inside")
  func block() {
    var grid = Grid(width: 12, height: 3)
    let block = Block(title: "Fila de hoje")
    grid.render(block, in: grid.area)
    #expect(grid.lines == ["┌─ Fila… ──┐", "│          │", "└──────────┘"])
    #expect(block.inner(grid.area) == Rect(x: 1, y: 1, width: 10, height: 1))
  }

  @Test("labels align and truncate; paragraphs wrap and stop at the bottom")
  func text() {
    var grid = Grid(width: 10, height: 3)
    grid.render(Label("王小明", alignment: .trailing), in: Rect(x: 0, y: 0, width: 10, height: 1))
    grid.render(Paragraph("Nguyễn Thị Hồng chegou hoje"), in: Rect(x: 0, y: 1, width: 10, height: 2))
    #expect(grid.lines == ["    王小明", "Nguyễn Thị", "Hồng"])
  }

  @Test(
    "a message wraps on its area's last rows, over what was there; too long, it keeps its start and ends with …"
  )
  func wrappedMessage() {
    var grid = Grid(width: 12, height: 4)
    for row in 0..<4 { grid.put("xxxxxxxxxxxx", at: Point(x: 0, y: row)) }
    grid.render(WrappedMessage("Nome longo demais", role: .error), in: Rect(x: 0, y: 1, width: 12, height: 3))
    #expect(grid.lines == ["xxxxxxxxxxxx", "xxxxxxxxxxxx", "Nome longo", "demais"])
    #expect(grid[0, 3].style.role == .error)
    grid.render(
      WrappedMessage("Sem permissão para escrever em /srv/dados", role: .error),
      in: Rect(x: 0, y: 2, width: 12, height: 2))
    #expect(grid.lines.suffix(2) == ["Sem", "permissão…"])
  }

  @Test("tabs highlight the selected title")
  func tabs() {
    var grid = Grid(width: 30, height: 1)
    grid.render(Tabs(titles: ["Fila", "Visitas"], selected: 1), in: grid.area)
    #expect(grid.lines == [" Fila │ Visitas"])
    #expect(grid[8, 0].style.role == .selected)
    #expect(grid[1, 0].style.role == .normal)
  }

  @Test("a form aligns labels, masks passphrases and moves focus with Tab and Shift-Tab")
  func form() {
    var state = FormState(values: ["João", ""])
    let fields = [FormField("Nome"), FormField("Palavra-passe", masked: true)]
    let handled = [state.handle(.tab), state.handle(.character("x")), state.handle(.character("王"))]
    #expect(handled == [true, true, true])
    var grid = Grid(width: 30, height: 2)
    let form = Form(fields: fields, state: state)
    grid.render(form, in: grid.area)
    #expect(grid.lines == ["Nome          João", "Palavra-passe ••"])
    #expect(grid[0, 1].style.role == .focus)
    #expect(form.cursorPosition(in: grid.area) == Point(x: 16, y: 1))
    state.focusNext()
    #expect(state.focus == 0)
    let movedBack = state.handle(.backTab)
    #expect(movedBack)
    #expect(state.focus == 1)
    #expect(state.values[1].text == "x王")
  }

  @Test("a modal is centred over the screen, clearing what is under it")
  func modal() {
    var grid = Grid(width: 30, height: 9)
    for y in 0..<9 { grid.put(String(repeating: "#", count: 30), at: Point(x: 0, y: y)) }
    let modal = Modal(
      title: "Sair?", message: "Sair sem gravar?", buttons: ["Sim", "Não"], selectedButton: 1)
    #expect(modal.box(in: grid.area) == Rect(x: 5, y: 2, width: 20, height: 5))
    grid.render(modal, in: grid.area)
    #expect(
      grid.lines[1...7] == [
        "##############################",
        "#####┌─ Sair? ──────────┐#####",
        "#####│ Sair sem gravar? │#####",
        "#####│                  │#####",
        "#####│ [ Sim ]  [ Não ] │#####",
        "#####└──────────────────┘#####",
        "##############################",
      ])
    #expect(grid[17, 5].style.role == .selected)
    #expect(grid[8, 5].style.role == .normal)
  }

  @Test("buttons too wide for one row go on as many rows as they need, each whole, none cut")
  func modalButtonRows() {
    var grid = Grid(width: 40, height: 10)
    let modal = Modal(
      title: "Balcão 1", message: "Chamar outra?",
      buttons: ["S Chamar outra", "N Atender A-001", "Esc Cancelar"], selectedButton: 2)
    #expect(modal.box(in: grid.area) == Rect(x: 0, y: 1, width: 40, height: 7))
    grid.render(modal, in: grid.area)
    #expect(
      grid.lines[1...7] == [
        "┌─ Balcão 1 ───────────────────────────┐",
        "│ Chamar outra?                        │",
        "│                                      │",
        "│          [ S Chamar outra ]          │",
        "│         [ N Atender A-001 ]          │",
        "│           [ Esc Cancelar ]           │",
        "└──────────────────────────────────────┘",
      ])
    #expect(grid[12, 6].style.role == .selected)
  }
}
