import Foundation
import Testing

@testable import TerminalUI
@testable import TerminalUITestSupport

@Suite("Snapshots")
struct SnapshotTests {
  enum Action { case help, search, open, back }

  /// A front-desk screen at 80×24 composed the way screens are meant to compose widgets.
  static func visitorsScreen(selected: Int) -> Grid {
    let keyMap = KeyMap<Action>([
      KeyBinding([.function(1), .character("?")], .help, help: "Ajuda", label: "F1"),
      KeyBinding(.character("/"), .search, help: "Procurar"),
      KeyBinding(.enter, .open, help: "Abrir"),
      KeyBinding(.escape, .back, help: "Voltar"),
    ])
    let rows = [
      ["Nguyễn Thị Hồng", "Vietname", "Residência", "09:12"],
      ["Мария Иванова", "Rússia", "Entrada — prorrogação de estadia", "09:40"],
      ["王小明", "China", "Integração", "10:05"],
      ["João Gonçalves", "Portugal", "Trabalho", "10:31"],
      ["محمد علي", "Marrocos", "Asilo", "11:02"],
      ["Aminata Baldé", "Guiné-Bissau", "Saúde", "11:15"],
    ]
    var grid = Grid(width: 80, height: 24)
    let layout = grid.area.splitRows([.length(1), .fill(1), .length(4), .length(1)])
    grid.render(
      Tabs(titles: ["Fila", "Visitantes", "Encaminhamentos", "Relatórios"], selected: 1), in: layout[0])
    let block = Block(title: "Visitantes de hoje")
    grid.render(block, in: layout[1])
    var state = ListState(count: rows.count, pageSize: block.inner(layout[1]).height - 1)
    state.select(selected)
    let columns = [
      TableColumn("Nome", width: .fill(2)),
      TableColumn("País", width: .length(12)),
      TableColumn("Assunto", width: .fill(2)),
      TableColumn("Hora", width: .length(5), alignment: .trailing),
    ]
    grid.render(Table(columns: columns, rows: rows, state: state), in: block.inner(layout[1]))
    let bottom = layout[2].splitColumns([.fill(1), .length(22)])
    grid.render(
      Paragraph("Praia (Santiago) · 6 visitantes · 2 encaminhamentos em atraso", style: Style(.muted)),
      in: bottom[0].inset(horizontal: 1))
    grid.render(
      Sparkline(values: [1, 3, 2, 5, 4, 6, 2, 0, 3, 7, 5, 6]),
      in: Rect(x: bottom[1].x, y: bottom[1].y, width: 12, height: 2))
    grid.render(Footer(keyMap: keyMap), in: layout[3])
    return grid
  }

  @Test("visitors screen at 80×24 with names in five scripts")
  func visitorsScreen() {
    assertSnapshot(of: Self.visitorsScreen(selected: 2), named: "visitors-80x24")
  }

  @Test("the same screen with a modal on top")
  func modalScreen() {
    var grid = Self.visitorsScreen(selected: 0)
    grid.render(
      Modal(
        title: "Confirmar", message: "Apagar os dados de 王小明? Esta operação não pode ser desfeita.",
        buttons: ["Apagar", "Cancelar"], selectedButton: 1, role: .warning),
      in: grid.area)
    assertSnapshot(of: grid, named: "visitors-modal-80x24")
  }
}

/// These check failures, so they cannot run while every snapshot is being re-recorded.
@Suite("Snapshot helper", .disabled(if: ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"))
struct SnapshotHelperTests {
  func temporaryDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("snapshots-\(UUID().uuidString)").path
  }

  func grid(_ text: String) -> Grid {
    var grid = Grid(width: 10, height: 2)
    grid.put(text, at: Point(x: 0, y: 1))
    return grid
  }

  @Test("a missing snapshot is written and fails the test; the second run passes")
  func recordsMissing() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    withKnownIssue {
      assertSnapshot(of: grid("王小明"), named: "new", directory: directory)
    }
    let stored = try String(contentsOfFile: directory + "/new.txt", encoding: .utf8)
    #expect(stored == "\n王小明\n")
    assertSnapshot(of: grid("王小明"), named: "new", directory: directory)
  }

  @Test("a different grid fails with a line diff")
  func mismatch() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try "\nJoão\n".write(toFile: directory + "/old.txt", atomically: true, encoding: .utf8)
    withKnownIssue {
      assertSnapshot(of: grid("Joana"), named: "old", directory: directory)
    } matching: { issue in
      String(describing: issue).contains("-João|") && String(describing: issue).contains("+Joana|")
    }
  }

  @Test("snapshots live in __Snapshots__ next to the test file")
  func directory() {
    #expect(
      snapshotDirectory(forTestFile: "/src/Tests/UITests/ScreenTests.swift")
        == "/src/Tests/UITests/__Snapshots__")
  }
}
