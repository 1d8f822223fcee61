import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The visitor's details as the desk reads them: the profile shows every detail the new visitor form takes,
/// sex among them, and the form's two consents are asked in the same words.
@Suite("Visitor details")
struct VisitorDetailsTests {
  @Test("a visitor registered as F reads \"Sexo feminino\" in the profile", arguments: Language.allCases)
  func sexShown(language: Language) {
    var model = Fixture.model(language: language)
    var state = Fixture.state()
    var visitor = Fixture.visitor("V-9", "Fatu Mendes", nationality: "GW")
    visitor.sex = .female
    state.apply(
      EventBatch(staff: "Ana", office: "praia", events: [.visitorRegistered(visitor)]),
      time: Fixture.at(minutesAgo: 1, counter: 90))
    model.setState(state)
    model.screens.append(.profile(ProfileScreen(visitorID: "V-9")))
    let line = model.view().grid.lines.first { $0.contains(model.tr("profile.sex") + " ") } ?? ""
    #expect(line.contains(model.tr("profile.sexF")), "\(model.view().grid.lines.joined(separator: "\n"))")
  }

  @Test("the two consents of the new visitor form are asked the same way", arguments: Language.allCases)
  func parallelConsents(language: Language) {
    let tr = Translator(language)
    let share = tr("arrival.consent").split(separator: " ")
    let store = tr("arrival.consentStore").split(separator: " ")
    #expect(share.first == store.first && share.last == store.last, "\(share) / \(store)")
  }
}
