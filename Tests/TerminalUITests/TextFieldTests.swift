import Testing

@testable import TerminalUI

@Suite("Text field")
struct TextFieldTests {
  @Test("editing moves by whole graphemes")
  func editing() {
    var field = TextFieldState(text: "Jo\u{61}\u{303}o")
    #expect(field.cursor == 4)
    field.moveLeft()
    field.backspace()
    #expect(field.text == "Joo")
    #expect(field.cursor == 2)
    field.insert("ã")
    #expect(field.text == "João")
    field.moveHome()
    field.delete()
    #expect(field.text == "oão")
    field.moveEnd()
    field.moveRight()
    #expect(field.cursor == 3)
  }

  @Test("a typed combining mark joins the grapheme before the cursor")
  func combiningInput() {
    var field = TextFieldState()
    for key: KeyEvent in [.character("n"), .character("e"), .character("\u{302}"), .character("\u{303}")] {
      let handled = field.handle(key)
      #expect(handled)
    }
    #expect(field.text == "ne\u{302}\u{303}")
    #expect(field.cursor == 2)
    field.backspace()
    #expect(field.text == "n")
  }

  @Test("keys that are not editing keys are not handled")
  func unhandled() {
    var field = TextFieldState(text: "a")
    let handled = [field.handle(.enter), field.handle(.function(1))]
    #expect(handled == [false, false])
    #expect(field.text == "a")
  }

  @Test("masked fields show a dot per grapheme")
  func masked() {
    var grid = Grid(width: 10, height: 1)
    let field = TextField(TextFieldState(text: "sẽnha王"), masked: true)
    grid.render(field, in: grid.area)
    #expect(grid.lines == ["••••••"])
    #expect(field.cursorPosition(in: grid.area) == Point(x: 6, y: 0))
  }

  @Test("long text scrolls so the cursor stays visible")
  func scrolling() {
    let area = Rect(x: 2, y: 0, width: 5, height: 1)
    var state = TextFieldState(text: "王小明abc")
    var grid = Grid(width: 8, height: 1)
    grid.render(TextField(state), in: area)
    #expect(grid.lines == ["  abc"])
    #expect(TextField(state).cursorPosition(in: area) == Point(x: 5, y: 0))
    state.moveHome()
    grid = Grid(width: 8, height: 1)
    grid.render(TextField(state), in: area)
    #expect(grid.lines == ["  王小"])
    #expect(TextField(state).cursorPosition(in: area) == Point(x: 2, y: 0))
  }
}

@Suite("Safe fields")
struct SafeFieldTests {
  @Test("a prefilled field is selected: typing replaces it, Backspace empties it, an arrow keeps it")
  func selection() {
    var field = TextFieldState(text: "Ana", selected: true)
    for c in "Rui" { _ = field.handle(.character(c)) }
    #expect(field.text == "Rui")
    var erased = TextFieldState(text: "Ana", selected: true)
    _ = erased.handle(.backspace)
    #expect(erased.text.isEmpty)
    var kept = TextFieldState(text: "Ana", selected: true)
    _ = kept.handle(.end)
    _ = kept.handle(.character("s"))
    #expect(kept.text == "Anas")
  }

  @Test("Ctrl-U empties, Ctrl-A and Ctrl-E jump to the start and the end")
  func controlKeys() {
    var field = TextFieldState(text: "Maria")
    _ = field.handle(.control("a"))
    _ = field.handle(.character("A"))
    #expect(field.text == "AMaria")
    _ = field.handle(.control("e"))
    _ = field.handle(.character("!"))
    #expect(field.text == "AMaria!")
    let handled = field.handle(.control("u"))
    #expect(handled && field.text.isEmpty)
  }

  @Test("a field takes no more than its limit while typing")
  func limit() {
    var field = TextFieldState(limit: 5)
    for c in String(repeating: "x", count: 5000) { _ = field.handle(.character(c)) }
    #expect(field.text.count == 5)
    #expect(FormState(values: ["", ""], limits: [200]).values.map(\.limit) == [200, 2000])
  }
}

@Suite("Selection on entering a field")
struct FieldSelectionTests {
  @Test("Tab into a filled field selects it: typing replaces what it held")
  func tabSelects() {
    var form = FormState(values: ["Fatu", ""])
    _ = form.handle(.tab)
    for c in "Guiné" { _ = form.handle(.character(c)) }
    _ = form.handle(.tab)
    _ = form.handle(.backTab)
    #expect(form.values[1].isSelected)
    for c in "Guiné-Bissau" { _ = form.handle(.character(c)) }
    #expect(form.values[1].text == "Guiné-Bissau")
  }

  @Test("a movement key in a selected field keeps the text, drops the selection, and typing then inserts")
  func movementKeeps() {
    for (key, expected) in [
      (KeyEvent.end, "Guinéa"), (.home, "aGuiné"), (.left, "Guinaé"), (.right, "Guinéa"),
    ] {
      var form = FormState(values: ["", "Guiné"])
      _ = form.handle(.tab)
      _ = form.handle(key)
      #expect(!form.values[1].isSelected)
      _ = form.handle(.character("a"))
      #expect(form.values[1].text == expected, "\(key)")
    }
  }

  @Test("only the field with the focus is drawn selected")
  func onlyFocusedLooksSelected() {
    var state = FormState(values: ["João", "Ana"])
    var grid = Grid(width: 20, height: 2)
    grid.render(Form(fields: [FormField("Nome"), FormField("Mãe")], state: state), in: grid.area)
    #expect(grid[5, 0].style.attributes.contains(.reverse))
    #expect(!grid[5, 1].style.attributes.contains(.reverse))
    _ = state.handle(.tab)
    grid = Grid(width: 20, height: 2)
    grid.render(Form(fields: [FormField("Nome"), FormField("Mãe")], state: state), in: grid.area)
    #expect(!grid[5, 0].style.attributes.contains(.reverse))
    #expect(grid[5, 1].style.attributes.contains(.reverse))
  }
}

@Suite("Wrapping list items")
struct IndentWrapTests {
  @Test("a wrapped list item keeps its indent and marker; its later rows line up under its text")
  func keepsIndent() {
    let lines = "  [ ] Comprovativo de meios de subsistência atualizado".wrappedKeepingIndent(toWidth: 30)
    #expect(lines == ["  [ ] Comprovativo de meios de", "      subsistência atualizado"])
    #expect("  Direção de Estrangeiros".wrappedKeepingIndent(toWidth: 40) == ["  Direção de Estrangeiros"])
    #expect(
      "Onde ir: muito longe daqui".wrappedKeepingIndent(toWidth: 12) == ["Onde ir:", "muito longe", "daqui"])
  }
}
