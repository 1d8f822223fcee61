import Testing

@testable import TerminalUI

@Suite("Key maps and footer")
struct KeyMapTests {
  enum Action: Equatable { case help, search, back, quit, debug }

  let keyMap = KeyMap<Action>([
    KeyBinding([.function(1), .character("?")], .help, help: "Ajuda", label: "F1"),
    KeyBinding(.character("/"), .search, help: "Procurar"),
    KeyBinding(.escape, .back, help: "Voltar"),
    KeyBinding(.control("d"), .debug, help: "Depurar", hidden: true),
    KeyBinding(.escape, .quit, help: "Sair"),
  ])

  @Test("lookup finds the first binding of a key, hidden ones included")
  func lookup() {
    #expect(keyMap.action(for: .function(1)) == .help)
    #expect(keyMap.action(for: .character("?")) == .help)
    #expect(keyMap.action(for: .escape) == .back)
    #expect(keyMap.action(for: .control("d")) == .debug)
    #expect(keyMap.action(for: .character("x")) == nil)
  }

  @Test("footer entries keep order and leave out hidden bindings")
  func entries() {
    #expect(keyMap.footerEntries.map(\.key) == ["F1", "/", "Esc", "Esc"])
    #expect(KeyBinding([.function(1), .character("?")], Action.help, help: "Ajuda").label == "F1/?")
  }

  @Test("the footer renders key labels and help text")
  func footer() {
    var grid = Grid(width: 40, height: 1)
    grid.render(Footer(keyMap: KeyMap(Array(keyMap.bindings.prefix(3)))), in: grid.area)
    #expect(grid.lines == ["F1 Ajuda  / Procurar  Esc Voltar"])
    #expect(grid[0, 0].style.role == .key)
    #expect(grid[3, 0].style.role == .normal)
  }

  @Test("entries that do not fit are replaced by an ellipsis")
  func footerTruncated() {
    var grid = Grid(width: 24, height: 1)
    grid.render(Footer(keyMap: keyMap), in: grid.area)
    #expect(grid.lines == ["F1 Ajuda  / Procurar …"])
  }

  @Test("key labels are short")
  func labels() {
    #expect(KeyEvent.function(10).label == "F10")
    #expect(KeyEvent.control("s").label == "Ctrl-S")
    #expect(KeyEvent.character(" ").label == "Space")
    #expect(KeyEvent.backTab.label == "Shift-Tab")
  }
}
