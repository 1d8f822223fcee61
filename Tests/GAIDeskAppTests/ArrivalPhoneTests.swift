import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The arrival table shows a visitor's telephone number whole, at 80×24 too: the clerk reads it to the visitor.
@Suite("Arrival: telephone numbers whole")
struct ArrivalPhoneTests {
  /// The model at the arrival search with a visitor whose number is `phone`, found by name.
  static func searching(phone: String, width: Int = 80, height: Int = 24) -> AppModel {
    var state = Fixture.state()
    state.apply(
      EventBatch(
        staff: "Rui", office: "praia",
        events: [
          .visitorRegistered(Fixture.visitor("V-8", "Ousmane Ndiaye Sarr", nationality: "SN", phone: phone))
        ]
      ), time: Fixture.at(minutesAgo: 5, counter: 70))
    var model = Fixture.model(width: width, height: height)
    model.setState(state)
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "ousmane")
    return model
  }

  @Test(
    "an international number sits whole in its column at 80 columns, on the visitor's row",
    arguments: ["+221 77 123 45 67", "(+238) 991-23-45", "+351 912 345 678"])
  func internationalNumber(phone: String) {
    let model = Self.searching(phone: phone)
    let lines = model.view().grid.lines
    let row = lines.first { $0.contains("Ousmane") }
    #expect(row?.contains(phone) == true, "\(lines.joined(separator: "\n"))")
  }

  @Test(
    "two numbers in one field, longer than the column can take, are shown whole for the highlighted visitor")
  func twoNumbers() {
    let phone = "+238 991 23 45 - +221 77 123 45 67 - +33 6 12 34 56 78"
    for (width, height) in [(80, 24), (100, 30), (240, 70)] {
      let model = Self.searching(phone: phone, width: width, height: height)
      let text = model.view().grid.lines.joined(separator: "\n")
      #expect(text.contains(phone), "\(width)x\(height):\n\(text)")
    }
  }

  @Test(
    "every column title of the arrival table is whole at 80 columns, in each language",
    arguments: Language.allCases)
  func titlesWhole(language: Language) {
    var model = Fixture.model(language: language)
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "a")
    let text = model.view().grid.lines.joined(separator: "\n")
    for key in ["col.name", "col.phone", "col.born", "col.visits", "col.lastVisit"] {
      #expect(text.contains(model.tr(key)), "\(key) in \(language):\n\(text)")
    }
  }

  @Test("the merge screen lists a look-alike's international number whole at 80 columns")
  func mergeCandidate() {
    let phone = "+351 912 345 678"
    var state = Fixture.state()
    state.apply(
      EventBatch(
        staff: "Rui", office: "praia",
        events: [
          .visitorRegistered(Fixture.visitor("V-6", "Joao Goncalves", nationality: "PT", phone: phone))
        ]),
      time: Fixture.at(minutesAgo: 5, counter: 50))
    var model = Fixture.model()
    model.setState(state)
    model.screens.append(.profile(ProfileScreen(visitorID: "V-4")))
    Fixture.press(&model, [.character("m")])
    let lines = model.view().grid.lines
    let row = lines.first { $0.contains("Joao Goncalves") }
    #expect(row?.contains(phone) == true, "\(lines.joined(separator: "\n"))")
  }
}
