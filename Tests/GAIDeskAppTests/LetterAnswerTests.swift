import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A question whose yes does something out of the ordinary — share a person's data, give a second ticket, call
/// a second person to a desk, put a called visit back in the queue and lose the form — is answered with a
/// letter: Enter, typed ahead or out of habit, answers nothing, and the footer does not offer it.
@Suite("Questions answered with a letter")
struct LetterAnswerTests {
  /// The model with each such question open.
  static func questions() -> [(String, AppModel)] {
    var secondCall = Fixture.model()
    Fixture.press(&secondCall, [.character("c")])
    var secondTicket = Fixture.model()
    secondTicket.screens.append(.profile(ProfileScreen(visitorID: "V-5")))
    Fixture.press(&secondTicket, [.character("a")])
    var leave = Fixture.model()
    leave.openServe(leave.state.visits["T-2"]!)
    Fixture.type(&leave, "sau")
    Fixture.press(&leave, [.escape])
    var consent = Fixture.model()
    consent.overlay = .consent(visitorID: "V-2")
    return [
      ("second call", secondCall), ("second ticket", secondTicket), ("leave serve", leave),
      ("consent", consent),
    ]
  }

  @Test("Enter answers nothing and the footer offers only the letter")
  func enterAnswersNothing() {
    for (name, model) in Self.questions() {
      var model = model
      guard let open = model.overlay else {
        Issue.record("\(name): no question")
        continue
      }
      let footer = model.view().grid.lines.last ?? ""
      #expect(!footer.contains("Enter"), "\(name): \(footer)")
      #expect(footer.contains("S "), "\(name): \(footer)")
      #expect(Fixture.press(&model, [.enter]).isEmpty, "\(name)")
      #expect(model.overlay.map { "\($0)" } == "\(open)", "\(name): the question stays open")
    }
  }
}
