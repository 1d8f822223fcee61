import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The nationality of the new visitor form at 80×24: what it resolves to, whole; several candidates shown
/// whole, one per row, picked with ↓ and Enter.
@Suite("Nationality suggestions")
struct NationalityPickTests {
  /// The new visitor form with `typed` in the nationality, at 80×24.
  static func typed(_ typed: String, language: Language = .portuguese) -> AppModel {
    var model = Fixture.model(language: language)
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "Fatu Mendes")
    Fixture.press(&model, [.control("n"), .tab])
    Fixture.type(&model, typed)
    return model
  }

  static func lines(_ model: AppModel) -> [String] { model.view().grid.lines }

  @Test("a country not known is said whole", arguments: Language.allCases)
  func unknownWhole(language: Language) {
    let model = Self.typed("Xyzland", language: language)
    let hint = model.tr("arrival.unknownCountry")
    #expect(Self.lines(model).contains { $0.contains(hint) }, "\(Self.lines(model).joined(separator: "\n"))")
  }

  @Test("a country found is said whole, with its code")
  func foundWhole() {
    let model = Self.typed("guiné bissau")
    #expect(Self.lines(model).contains { $0.contains("Guiné-Bissau (GW)") })
  }

  @Test("every \"Guiné\" is shown whole, one per row; ↓ and Enter pick one and the field then resolves")
  func pickGuinea() throws {
    var model = Self.typed("Guiné")
    let candidates = ArrivalScreen.countries("Guiné")
    for code in candidates {
      let shown = "\(model.tr.country(code)) (\(code))"
      let rows = Self.lines(model).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }
      #expect(rows.contains(shown), "\(shown)")
    }
    let index = try #require(candidates.firstIndex(of: "GW"))
    Fixture.press(&model, Array(repeating: .down, count: index + 1))
    // Enter picks the highlighted country rather than refusing an ambiguous one.
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    let form = try #require(model.current(ArrivalScreen.self)?.form)
    #expect(ArrivalScreen.countries(form.values[1].text) == ["GW"], "\(form.values[1].text)")
    #expect(form.focus == 1)
    #expect(model.current(ArrivalScreen.self)?.error == nil)
    // The pick reaches the registration.
    var registered = model
    let effects = Fixture.press(&registered, [.enter])
    guard case .arriveNew(let visitor)? = effects.first else {
      Issue.record("no registration: \(effects)"); return
    }
    #expect(visitor.nationality == "GW")
  }

  @Test("Guinea itself is picked by its code, which no other country shares")
  func pickGuineaItself() throws {
    var model = Self.typed("Guiné")
    let candidates = ArrivalScreen.countries("Guiné")
    let index = try #require(candidates.firstIndex(of: "GN"))
    Fixture.press(&model, Array(repeating: .down, count: index + 1) + [.enter])
    let form = try #require(model.current(ArrivalScreen.self)?.form)
    #expect(ArrivalScreen.countries(form.values[1].text) == ["GN"])
  }

  @Test("↑ from the first suggestion goes back to typing; Tab still moves to the next field")
  func arrowsAndTab() throws {
    var model = Self.typed("Guiné")
    Fixture.press(&model, [.down, .up])
    #expect(model.current(ArrivalScreen.self)?.form?.focus == 1)
    Fixture.press(&model, [.tab])
    #expect(model.current(ArrivalScreen.self)?.form?.focus == 2)
  }
}
