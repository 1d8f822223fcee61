import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// Messages people can read: field names in words, days as dd/mm/aaaa in Portuguese and French.
@Suite("Human messages")
struct MessageTests {
  @Test("core errors name the field in words, in the interface language")
  func fieldNames() {
    let long = GAIDeskError(.fieldTooLong, "name", "200")
    #expect(Translator(.portuguese).error(long).hasPrefix("O campo nome é longo demais"))
    let empty = GAIDeskError(.fieldEmpty, "staff")
    #expect(!Translator(.portuguese).error(empty).contains("staff"))
    #expect(Translator(.english).error(empty).contains("staff name"))
    let range = GAIDeskError(.fieldDateRange, "due", "2040-01-31", "2025-03-09", "2036-03-10")
    let text = Translator(.french).error(range)
    #expect(text.contains("échéance") && text.contains("31/01/2040") && !text.contains(" due"))
  }

  @Test("after F2 the form's own checks and the core's refusals speak the new language")
  func followF2() {
    var model = Fixture.model()
    Fixture.press(&model, [.function(2)])
    #expect(model.tr.language == .english)
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "Fatoumata Diallo")
    Fixture.press(&model, [.control("n"), .tab, .tab, .tab, .tab, .tab, .tab])
    Fixture.type(&model, "q")
    Fixture.press(&model, [.enter])
    let screen = { MessagePanelTests.panelWords(model.view().grid) }
    #expect(screen().contains(Translator(.english)("arrival.badSex")), "\(screen())")
    let refusal = GAIDeskError(.fieldTooLong, "name", "200")
    _ = model.update(.failed(.arriveNew(VisitorForm(fullName: "Fatoumata Diallo")), refusal))
    #expect(screen().contains(MessagePanelTests.words(Translator(.english).error(refusal))), "\(screen())")
    #expect(!screen().contains("O campo"))
  }

  @Test("days typed as dd/mm/aaaa reach the core as YYYY-MM-DD; other text is left for its checks")
  func typedDays() {
    #expect(LocalTime.day(typed: "24/03/2026") == "2026-03-24")
    #expect(LocalTime.day(typed: " 1/4/2026 ") == "2026-04-01")
    #expect(LocalTime.day(typed: "2026-03-24") == "2026-03-24")
    #expect(LocalTime.day(typed: "amanhã") == "amanhã")
    // A day that does not exist stays as typed, so the message names what the person wrote.
    #expect(LocalTime.day(typed: "32/13/2026") == "32/13/2026")
    #expect(LocalTime.shown("2026-03-24", language: .french) == "24/03/2026")
    #expect(LocalTime.shown("2026-03-24", language: .english) == "2026-03-24")
  }

  @Test("the supervisor's month tab names the month as mm/aaaa in Portuguese and French")
  func monthTitle() {
    #expect(LocalTime.shownMonth("2026-03", language: .portuguese) == "03/2026")
    #expect(LocalTime.shownMonth("2026-03", language: .english) == "2026-03")
    var model = Fixture.model(language: .french)
    Fixture.press(&model, [.character("s"), .tab, .tab, .tab])
    #expect(model.view().grid.lines.joined().contains("Mois 03/2026"))
  }

  @Test("the serve form shows the due date as dd/mm/aaaa and saves it as a day")
  func serveDue() {
    var model = Fixture.model()
    model.openServe(
      model.state.visits["T-1"].map {
        var v = $0; v.status = .called; return v
      }!)
    #expect(model.view().grid.lines.joined().contains("24/03/2026"))
  }
}
