import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A field entered with Tab is selected and typing replaces it; Ctrl-U, which empties a field, is on the screen.
@Suite("Field selection in the desk's forms")
struct FieldSelectionFlowTests {
  /// The new visitor form with a name, on a terminal of `width` columns.
  static func newVisitor(width: Int = 80, language: Language = .portuguese) -> AppModel {
    var model = Fixture.model(width: width, language: language)
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "Fatu Mendes")
    Fixture.press(&model, [.control("n")])
    return model
  }

  @Test("Tab back into the nationality and typing replaces it (no more \"GuinéGuiné-Bissau\")")
  func retypeNationality() {
    var model = Self.newVisitor()
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "Guiné")
    Fixture.press(&model, [.tab, .backTab])
    Fixture.type(&model, "Guiné-Bissau")
    #expect(model.current(ArrivalScreen.self)?.form?.values[1].text == "Guiné-Bissau")
    Fixture.press(&model, [.tab, .backTab, .end])
    Fixture.type(&model, " ")
    #expect(model.current(ArrivalScreen.self)?.form?.values[1].text == "Guiné-Bissau ")
  }

  @Test(
    "Ctrl-U is in the key bar of the new visitor form where there is room (80 columns, 100 in French), in the help, and empties the field",
    arguments: Language.allCases)
  func clearShown(language: Language) {
    var model = Self.newVisitor(width: language == .french ? 100 : 80, language: language)
    let footer = model.view().grid.lines.last ?? ""
    #expect(footer.contains("Ctrl-U " + model.tr("key.clearField")), "\(footer)")
    Fixture.press(&model, [.control("u")])
    #expect(model.current(ArrivalScreen.self)?.form?.values[0].text == "")
    Fixture.press(&model, [.function(1)])
    #expect(model.view().grid.lines.contains { $0.contains("Ctrl-U") })
  }
}
