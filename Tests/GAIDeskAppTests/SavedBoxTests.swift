import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The box that follows a closed visit says "saved" once.
@Suite("Saved box")
struct SavedBoxTests {
  @Test("after closing a visit, \"Guardado\" is read once on the screen", arguments: Language.allCases)
  func savedOnce(language: Language) {
    var model = Fixture.model(language: language)
    model.openServe(model.state.visits["T-2"]!)
    let closing = VisitClosing(
      visit: "T-2", topics: ["residence.renewal"], outcome: "", note: "", referrals: [], followUp: "",
      language: language)
    _ = model.update(.done(.close(closing), model.state, visitID: "T-2", referralID: nil))
    let text = model.view().grid.lines.joined(separator: "\n")
    let saved = model.tr("saved.title")
    #expect(text.components(separatedBy: saved).count - 1 == 1, "\(text)")
    #expect(text.contains(model.tr("saved.message", "A-002", "Мария Иванова")))
  }
}
