import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// On a called visit Esc asks (back to the queue, leave it called, stay): the help says so, not "Back".
@Suite("Serve help says what Esc does")
struct ServeEscHelpTests {
  @Test(
    "F1 on a called visit names Esc as leaving with a question, not as Back", arguments: Language.allCases)
  func escapeHelp(language: Language) throws {
    var model = Fixture.model(language: language)
    model.openServe(model.state.visits["T-2"]!)
    Fixture.press(&model, [.function(1)])
    let lines = model.view().grid.lines
    let text = lines.joined(separator: "\n")
    let leave = model.tr("key.leaveServe")
    #expect(leave != "ui.key.leaveServe", "the text exists in \(language)")
    let esc = model.tr.keys("Esc")
    let row = try #require(lines.first { $0.contains("│ " + esc + " ") }, "\(text)")
    #expect(!row.contains(" " + model.tr("key.back") + " "), "\(row)")
    #expect(text.contains(leave.split(separator: " ").first.map(String.init) ?? leave), "\(text)")
    // Esc does ask on this visit.
    Fixture.press(&model, [.escape, .escape])
    guard case .confirmLeaveServe("T-2")? = model.overlay else {
      Issue.record("Esc did not ask: \(String(describing: model.overlay))")
      return
    }
  }

  @Test("the key bar of a wide terminal says the same", arguments: Language.allCases)
  func escapeFooter(language: Language) {
    var model = Fixture.model(width: 200, height: 30, language: language)
    model.openServe(model.state.visits["T-2"]!)
    let footer = model.view().grid.lines.last ?? ""
    #expect(footer.contains(model.tr.keys("Esc") + " " + model.tr("key.leaveServe")), "\(footer)")
  }
}
