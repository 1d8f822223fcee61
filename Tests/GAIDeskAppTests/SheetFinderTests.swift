import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// Knowledge at hand: any sheet from the queue with f, words of its topic and Enter.
@Suite("Sheet finder")
struct SheetFinderTests {
  func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  @Test("every sheet is reached from the queue in 2 keys beyond the words typed (f, Enter)")
  func everySheet() {
    let sheets = Fixture.model().directory.sheets
    #expect(!sheets.isEmpty)
    for sheet in sheets {
      var model = Fixture.model()
      var keys = 0
      func press(_ key: KeyEvent) {
        keys += 1
        Fixture.press(&model, [key])
      }
      press(.character("f"))
      Fixture.type(&model, ReferenceData.shipped.topic(sheet.topic)!.pt)  // words typed: not counted
      press(.enter)
      let shown = text(model)
      #expect(shown.contains(model.tr.topic(sheet.topic) + " · "), "\(sheet.topic)")
      #expect(shown.contains(model.tr("sheet.ask")), "\(sheet.topic)")
      #expect(keys <= 3)
    }
  }

  @Test("the finder is named in the queue's footer and filters by words in any of the three languages")
  func anyLanguage() {
    var model = Fixture.model()
    #expect(text(model).contains("f Fichas"))
    Fixture.press(&model, [.character("f")])
    for word in ["renovação", "renewal", "renouvellement"] {
      Fixture.press(&model, [.control("u")])
      Fixture.type(&model, word)
      #expect(text(model).contains(model.tr.topic("residence.renewal")), "\(word)")
    }
  }

  @Test("a word only a sheet says lists its topic, marked as found in the sheet, and Enter opens it")
  func wordOfTheSheet() {
    var model = Fixture.model()
    Fixture.press(&model, [.character("f")])
    Fixture.type(&model, "casamento")
    let family = model.tr.topic("residence.family-reunification")
    #expect(text(model).contains(family + " · na ficha"))
    #expect(!text(model).contains("Nenhum assunto"))
    let matches = model.directory.knowledge.topics(matching: "casamento")
    let index = matches.firstIndex { $0.topic.code == "residence.family-reunification" }!
    Fixture.press(&model, Array(repeating: .down, count: index) + [.enter])
    #expect(text(model).contains(family + " · "))
    #expect(text(model).contains(model.tr("sheet.ask")))
  }

  @Test("a long sheet scrolls with PageDown and PageUp at 80×24, saying when more follows")
  func scrolls() throws {
    var model = Fixture.model()
    let long = try #require(
      model.directory.sheets.max { a, b in
        SheetView.lines(a, width: 76, model: model).count < SheetView.lines(b, width: 76, model: model).count
      })
    Fixture.press(&model, [.character("f")])
    Fixture.type(&model, ReferenceData.shipped.topic(long.topic)!.pt)
    Fixture.press(&model, [.enter])
    let lines = SheetView.lines(long, width: 76, model: model)
    try #require(lines.count > 18, "the longest sheet fits one page")
    let first = text(model)
    #expect(first.contains(model.tr("sheet.more")))
    var pages = [first]
    for _ in 0..<20 {
      Fixture.press(&model, [.pageDown])
      if text(model) == pages.last { break }
      pages.append(text(model))
    }
    #expect(pages.count >= 2)
    let last = lines[lines.count - 1].0.trimmingCharacters(in: .whitespaces)
    #expect(pages.last?.contains(last.prefix(30)) == true, "the last line is reached: \(last)")
    #expect(pages.last?.contains(model.tr("sheet.more")) == false)
    for _ in 0..<pages.count { Fixture.press(&model, [.pageUp]) }
    #expect(text(model) == first)
    Fixture.press(&model, [.escape])
    #expect(text(model).contains(model.tr("finder.title")))
    Fixture.press(&model, [.escape])
    guard model.queueScreen != nil else {
      Issue.record("Esc did not go back to the queue")
      return
    }
  }
  @Test("↑↓ choose the line to confirm, scrolling to show it; ↑ on the first line shows the questions again")
  func chooseLines() throws {
    var model = Fixture.model()
    Fixture.press(&model, [.character("f")])
    Fixture.type(&model, "renovação")
    Fixture.press(&model, [.enter])
    let first = text(model)
    #expect(first.contains(model.tr("sheet.ask")))
    let sheet = try #require(model.directory.sheet("residence.renewal"))
    let claims = SheetFinderScreen.claims(sheet, model: model)
    #expect(claims.count == sheet.pt.documents.count + sheet.pt.tell.count)
    for _ in 0..<claims.count + 3 { Fixture.press(&model, [.down]) }
    #expect(model.current(SheetFinderScreen.self)?.selected == claims.last)
    let last = try #require(sheet.pt.tell.last)
    #expect(text(model).contains(last.prefix(30)), "the last line is shown: \(text(model))")
    #expect(!text(model).contains(model.tr("sheet.ask")))
    for _ in 0..<claims.count + 3 { Fixture.press(&model, [.up]) }
    #expect(text(model) == first)
  }
}
