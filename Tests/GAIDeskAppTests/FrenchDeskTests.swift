import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// What a French-speaking user saw cut or left in another form, and the key names of every language.
@Suite("French desk and key names")
struct FrenchDeskTests {
  static func lines(_ model: AppModel) -> [String] { model.view().grid.lines }

  @Test("the help's lines are whole at 80×24 (the panic key's among them)", arguments: Language.allCases)
  func helpWhole(language: Language) {
    var model = Fixture.model(language: language)
    Fixture.press(&model, [.function(1)])
    let text = Self.lines(model).joined(separator: "\n")
    #expect(!text.contains("…"), "\(text)")
    let last = model.tr("key.lock").split(separator: " ").last.map(String.init) ?? ""
    #expect(text.contains(last), "\(text)")
  }

  @Test("F2 in an open service form shows the due date and a typed follow-up in the new language's form")
  func dueDateFollowsLanguage() throws {
    var model = Fixture.model(language: .english)
    model.openServe(model.state.visits["T-2"]!)
    #expect(model.current(ServeScreen.self)?.due.text == "2026-03-24")
    Fixture.press(&model, [.tab, .tab, .tab, .tab, .tab])
    Fixture.type(&model, "2026-04-07")
    Fixture.press(&model, [.function(2)])
    #expect(model.tr.language == .french)
    let serve = try #require(model.current(ServeScreen.self))
    #expect(serve.due.text == "24/03/2026")
    #expect(serve.followUp.text == "07/04/2026")
    #expect(Self.lines(model).contains { $0.contains("24/03/2026") })
    // Still the whole field, as it was before F2: typing replaces it.
    #expect(serve.due.isSelected)
    Fixture.press(&model, [.function(2), .function(2)])
    #expect(model.current(ServeScreen.self)?.due.text == "2026-03-24")
  }

  /// How each language's texts name Enter and Esc.
  static let keyNames: [Language: (enter: String, escape: String)] = [
    .portuguese: ("Enter", "Esc"), .english: ("Enter", "Esc"), .french: ("Entrée", "Échap"),
  ]

  @Test(
    "the key bar and the help name Enter and Esc as the texts of each language do",
    arguments: Language.allCases)
  func keyNamesLocalized(language: Language) {
    let names = Self.keyNames[language]!
    var model = Fixture.model(width: 240, height: 70, language: language)
    let queueFooter = Self.lines(model).last ?? ""
    #expect(queueFooter.contains(names.enter + " " + model.tr("key.serve")), "\(queueFooter)")
    model.openServe(model.state.visits["T-2"]!)
    let serveFooter = Self.lines(model).last ?? ""
    // A called visit: Esc asks whether it goes back to the queue.
    #expect(serveFooter.contains(names.escape + " " + model.tr("key.leaveServe")), "\(serveFooter)")
    Fixture.press(&model, [.function(1)])
    let help = Self.lines(model).joined(separator: "\n")
    #expect(help.contains(names.enter) && help.contains(names.escape), "\(help)")
    if language == .french {
      #expect(!serveFooter.contains("Enter ") && !serveFooter.contains("Esc "), "\(serveFooter)")
    }
  }

  @Test("each language's texts name the keys as its key bar does")
  func textsUseTheKeyBarNames() {
    for language in Language.allCases {
      let other = language == .french ? ["Enter ", "Esc "] : ["Entrée", "Échap"]
      for key in Strings.shared.keys where key.hasPrefix("ui.") {
        let text = Strings.shared.text(key, language: language)
        #expect(!other.contains { text.contains($0) }, "\(key) (\(language)): \(text)")
      }
    }
  }

  @Test("no column title of the queue touches the box's border", arguments: Language.allCases)
  func queueTitlesClearOfBorder(language: Language) throws {
    let model = Fixture.model(language: language)
    let header = try #require(Self.lines(model).first { $0.contains(model.tr("col.ticket") + " ") })
    #expect(!header.contains(model.tr("col.desk") + "│"), "\(header)")
    #expect(!header.contains("│" + model.tr("col.ticket")), "\(header)")
  }
}
