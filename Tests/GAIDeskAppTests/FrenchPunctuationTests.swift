import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// French puts a (narrow, unbreakable) space before ";" in the lists the desk joins, as it does before ":";
/// Portuguese and English do not.
@Suite("French punctuation in joined lists")
struct FrenchPunctuationTests {
  /// The serve form with the first two topics chosen.
  static func twoTopics(_ language: Language) -> AppModel {
    var model = Fixture.model(width: 80, height: 24, language: language)
    model.openServe(model.state.visits["T-2"]!)
    Fixture.press(&model, [.enter, .down, .enter])
    return model
  }

  @Test(
    "the chosen topics: \"Choisis : A ; B\" in French, \"A; B\" in the others", arguments: Language.allCases)
  func chosenTopics(language: Language) throws {
    let model = Self.twoTopics(language)
    let topics = ReferenceData.shipped.topics.prefix(2).map { $0.label(language) }
    let lines = model.view().grid.lines
    let row = try #require(
      lines.first { $0.contains(model.tr("serve.chosen")) }, "\(lines.joined(separator: "\n"))")
    let separator = language == .french ? "\u{202F}; " : "; "
    #expect(row.contains(topics[0] + separator + topics[1]), "\(row)")
    if language == .french { #expect(!row.contains(topics[0] + "; "), "\(row)") }
  }

  @Test(
    "the sheet beside the form: \"Fiche pratique : Santé\" in French, \"Ficha técnica: Saúde\" in Portuguese")
  func sheetTitle() {
    for (language, colon) in [(Language.french, " : "), (.portuguese, ": "), (.english, ": ")] {
      var model = Fixture.model(width: 120, height: 30, language: language)
      model.openServe(model.state.visits["T-2"]!)
      // The topic may be cut with "…" at the border: the label and its colon are what is checked.
      let title = "─ " + model.tr("sheet.title") + colon
      #expect(model.view().grid.lines.contains { $0.contains(title) }, "\(language)")
    }
  }

  @Test("a visit's topics in the profile", arguments: Language.allCases)
  func profileTopics(language: Language) {
    var model = Fixture.model(width: 120, height: 30, language: language)
    model.screens.append(.profile(ProfileScreen(visitorID: "V-1")))
    let text = model.view().grid.lines.joined(separator: "\n")
    let renewal = model.tr.topic("residence.renewal")
    let health = model.tr.topic("integration.health")
    let separator = language == .french ? "\u{202F}; " : "; "
    #expect(text.contains(renewal + separator + health), "\(text)")
  }

  @Test("the separator is one column wide and keeps \";\" on the line of the word before it")
  func narrowSpace() {
    let tr = Translator(.french)
    #expect(tr("list.separator").displayWidth == 3)
    let text = "Renouvellement de l'autorisation" + tr("list.separator") + "Santé"
    for width in 20...40 {
      #expect(!text.wrapped(toWidth: width).contains { $0.hasPrefix(";") }, "at \(width)")
    }
  }
}
