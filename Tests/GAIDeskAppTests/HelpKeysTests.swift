import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// F1 lists every key of the screen, also those the footer leaves out for room (each help text once).
@Suite("Help lists every key")
struct HelpKeysTests {
  static func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  @Test("at the desk, F1 names Ctrl-P (print the slip) and Shift-Tab, which the footer has no room for")
  func serveKeys() {
    var model = Fixture.model()
    model.openServe(model.state.visits["T-2"]!)
    #expect(!Self.text(model).contains("Ctrl-P " + model.tr("key.togglePrint")))
    Fixture.press(&model, [.function(1)])
    let help = Self.text(model)
    #expect(help.contains("Ctrl-P"), "\(help)")
    #expect(help.contains(model.tr("key.togglePrint")), "\(help)")
    #expect(help.contains(model.tr("key.previous")), "\(help)")
  }

  @Test("a key whose help another key already gives is not listed twice (PgUp beside PgDn/PgUp)")
  func noDuplicates() {
    var model = Fixture.model()
    Fixture.press(&model, [.character("f")])
    Fixture.type(&model, "renovação")
    Fixture.press(&model, [.enter, .function(1)])
    let help = Self.text(model)
    // Once, in the box (the footer shows the box's own keys while it is open).
    #expect(help.components(separatedBy: model.tr("key.scroll")).count == 2, "\(help)")
  }
}
