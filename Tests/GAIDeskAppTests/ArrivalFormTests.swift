import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The quick new-visitor form asks consent to store and to share, and takes sex and a document.
@Suite("New visitor form")
struct ArrivalFormTests {
  @Test("consent to store, sex and a document reach the registration")
  func allFields() {
    var model = Fixture.model()
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "Fatoumata Diallo")
    Fixture.press(&model, [.control("n"), .tab])
    Fixture.type(&model, "SN")
    Fixture.press(&model, [.tab, .tab, .tab])
    Fixture.type(&model, "s")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "s")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "f")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "passaporte A123456")
    let effects = Fixture.press(&model, [.enter])
    var form = VisitorForm(fullName: "Fatoumata Diallo")
    form.nationality = "SN"
    form.consentToShare = true
    form.consentToStore = true
    form.sex = .female
    form.document = IdentityDocument(type: "passaporte", number: "A123456")
    form.municipality = "praia"
    #expect(effects == [.arriveNew(form)])
  }

  @Test("a sex other than F, M or X is refused in words")
  func badSex() {
    var model = Fixture.model()
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "Fatoumata Diallo")
    Fixture.press(&model, [.control("n"), .tab, .tab, .tab, .tab, .tab, .tab])
    Fixture.type(&model, "q")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    #expect(model.view().grid.lines.joined().contains(model.tr("arrival.badSex")))
  }
}
