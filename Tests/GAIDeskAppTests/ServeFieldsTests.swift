import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The serve form's text fields: one being edited scrolls to its cursor; one left shows how its text begins, cut
/// with "…", as the other forms do.
@Suite("Serve form fields")
struct ServeFieldsTests {
  @Test("a long outcome, once left for the note, shows its beginning and \"…\", not its end")
  func outcomeLeftShowsItsStart() throws {
    var model = Fixture.model(width: 80, height: 24)
    model.openServe(model.state.visits["T-2"]!)
    Fixture.press(&model, [.tab, .tab])  // past the partners, to the outcome field
    let outcome =
      "Explicado o processo de renovação da autorização de residência, com os documentos e os prazos"
    Fixture.type(&model, outcome)
    let label = model.tr("serve.outcome")
    func row() throws -> String {
      try #require(model.view().grid.lines.first { $0.contains(label) }, "no outcome row")
    }
    let edited = try row()
    #expect(edited.contains("prazos"), "while edited, the cursor's end is in view: \(edited)")
    Fixture.press(&model, [.tab])  // to the note
    let left = try row()
    #expect(left.contains("Explicado o processo"), "\(left)")
    #expect(left.contains("…") && !left.contains("prazos"), "\(left)")
  }
}
