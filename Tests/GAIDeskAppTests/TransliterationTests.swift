import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// Finding people across scripts: every name is also indexed by its Latin spelling, and a query in another
/// script also looks for its Latin spelling.
@Suite("Search across scripts")
struct TransliterationTests {
  static func state() -> OfficeState {
    var state = OfficeState()
    let names = [
      "Мария Иванова", "Дмитрий Смирнов", "Νίκος Παπαδόπουλος", "Maria Ivanova", "محمد علي", "João Gonçalves",
    ]
    state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: names.enumerated().map {
          .visitorRegistered(Fixture.visitor("V-\($0.offset)", $0.element, nationality: nil))
        }),
      time: Fixture.at(minutesAgo: 10))
    return state
  }

  @Test(
    "the pairs of the issue",
    arguments: [
      ("maria ivanova", "Мария Иванова"), ("dmitri smirnov", "Дмитрий Смирнов"),
      ("nikos papadopoulos", "Νίκος Παπαδόπουλος"), ("Мария", "Maria Ivanova"), ("joao", "João Gonçalves"),
    ])
  func pairs(query: String, name: String) {
    let state = Self.state()
    let names = VisitorSearch(state: state).find(query, in: state).compactMap {
      state.visitors[$0.visitorID]?.fullName
    }
    #expect(names.contains(name), "\(query) → \(names)")
  }

  @Test("Arabic, best effort: the consonant spelling finds the name, a vowelled one does not")
  func arabic() {
    let state = Self.state()
    let search = VisitorSearch(state: state)
    let names = { (query: String) in
      search.find(query, in: state).compactMap { state.visitors[$0.visitorID]?.fullName }
    }
    #expect(names("mhmd").contains("محمد علي"))
    #expect(!names("mohamed").contains("محمد علي"))
  }

  @Test("the arrival screen finds Мария Иванова typed in Latin letters")
  func arrivalScreen() {
    var model = Fixture.model()
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "maria ivanova")
    #expect(model.view().grid.lines.joined().contains("Мария Иванова"))
  }
}
