import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The forms check what is typed with the core's rules, and refuse it in the core's words (the CLI's).
@Suite("Forms use the core's rules")
struct FormRulesTests {
  /// The new visitor form at the arrival screen, wide enough for a message on one line.
  static func arrivalForm(language: Language) -> AppModel {
    var model = Fixture.model(width: 200, language: language)
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "Fatoumata Diallo")
    Fixture.press(&model, [.control("n")])
    return model
  }

  static func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  @Test(
    "a birth year that is not a number is refused with the core's message, as `--birth-year` is",
    arguments: Language.allCases)
  func birthYearNotANumber(language: Language) {
    var model = Self.arrivalForm(language: language)
    Fixture.press(&model, [.tab, .tab, .tab])
    Fixture.type(&model, "19x0")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    let expected = model.tr.error(GAIDeskError(.fieldBirthYear, "19x0", String(model.today.prefix(4))))
    #expect(Self.text(model).contains(expected), "\(Self.text(model))")
  }

  @Test("a country the core does not know is refused with the core's message", arguments: Language.allCases)
  func unknownCountry(language: Language) {
    var model = Self.arrivalForm(language: language)
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "Xyzland")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    let expected = model.tr.error(GAIDeskError(.fieldNationality, "Xyzland"))
    #expect(Self.text(model).contains(expected), "\(Self.text(model))")
  }

  /// The supervisor's Partners tab with a new partner's form open, wide enough for a message.
  static func newPartner() -> AppModel {
    var model = Fixture.model(width: 200)
    Fixture.press(&model, [.character("s"), .tab, .tab, .tab, .tab, .character("n")])
    return model
  }

  @Test("a partner code the core refuses (`partner add`) is refused by the form, in the core's words")
  func badPartnerCode() {
    var model = Self.newPartner()
    Fixture.type(&model, "x y")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "Associação de Apoio")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    #expect(
      Self.text(model).contains(model.tr.error(GAIDeskError(.partnerCode, "x y"))), "\(Self.text(model))")
  }

  @Test("an island the core does not know is refused by the partner form, in the core's words")
  func badPartnerIsland() {
    var model = Self.newPartner()
    Fixture.type(&model, "ong-praia")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "Associação de Apoio")
    Fixture.press(&model, [.tab, .tab, .tab, .tab])
    Fixture.type(&model, "atlantida")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    #expect(
      Self.text(model).contains(model.tr.error(GAIDeskError(.fieldIsland, "atlantida"))),
      "\(Self.text(model))")
  }

  @Test("a partner without a name is refused with the core's message for an empty name")
  func partnerWithoutName() {
    var model = Self.newPartner()
    Fixture.type(&model, "ong-praia")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    #expect(
      Self.text(model).contains(model.tr.error(GAIDeskError(.fieldEmpty, "name"))), "\(Self.text(model))")
  }
}
