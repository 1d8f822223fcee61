import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The knowledge sheet while serving: F4 visibly shows or hides it, and a long sheet scrolls with PageDown
/// and PageUp where it is shown, without leaving the visit.
@Suite("Sheet in the serve form")
struct ServeSheetTests {
  func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  /// The serve form of a called ticket, with the renewal topic ticked (its sheet is long).
  func serving(width: Int, height: Int) -> AppModel {
    var model = Fixture.model(width: width, height: height)
    model.openServe(
      model.state.visits["T-0"].map {
        var v = $0; v.status = .called; return v
      }!)
    Fixture.type(&model, "renov")
    Fixture.press(&model, [.enter])
    return model
  }

  /// The last line of the renewal sheet as the sheet shows it (its last "send to" partner or source).
  func lastSheetWords(_ model: AppModel, width: Int) -> String {
    let sheet = model.directory.sheet("residence.renewal")!
    let rows = SheetView.rows(sheet, width: width, model: model, review: false)
    return rows.last { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }!.text
      .trimmingCharacters(in: .whitespaces)
  }

  @Test("at 80×24 F4 shows the sheet over the form and F4 again brings the form back")
  func narrowToggle() {
    var model = serving(width: 80, height: 24)
    let form = model.tr("serve.outcome")
    #expect(text(model).contains(form))
    Fixture.press(&model, [.function(4)])
    #expect(!text(model).contains(form) && text(model).contains("─ " + model.tr("sheet.title")))
    Fixture.press(&model, [.function(4)])
    #expect(text(model).contains(form))
  }

  @Test("at 100×30 the sheet stands beside the form and F4 hides it, then shows it again")
  func wideToggle() {
    var model = serving(width: 100, height: 30)
    let title = "─ " + model.tr("sheet.title")  // the sheet's box (the footer names F4 too)
    #expect(text(model).contains(title) && text(model).contains(model.tr("serve.outcome")))
    Fixture.press(&model, [.function(4)])
    #expect(!text(model).contains(title))
    Fixture.press(&model, [.function(4)])
    #expect(text(model).contains(title))
  }

  @Test("at 80×24 the sheet shown with F4 scrolls to its last line with PageDown, and back with PageUp")
  func narrowScroll() {
    var model = serving(width: 80, height: 24)
    Fixture.press(&model, [.function(4)])
    let last = lastSheetWords(model, width: 80 - 4)
    let first = text(model)
    #expect(!first.contains(last), "the sheet is longer than the screen")
    for _ in 0..<6 { Fixture.press(&model, [.pageDown]) }
    #expect(text(model).contains(last), "\(text(model))")
    for _ in 0..<6 { Fixture.press(&model, [.pageUp]) }
    #expect(text(model) == first)
  }

  @Test("at 100×30 the sheet beside the form scrolls with PageDown while a text field has the focus")
  func wideScroll() {
    var model = serving(width: 100, height: 30)
    #expect(text(model).contains(model.tr("sheet.continuesServe")), "the sheet says how to scroll it")
    Fixture.press(&model, [.tab, .tab])  // past the partners, to the outcome field
    let width = model.bodyArea.splitColumns([.fill(3), .fill(2)])[1].width - 4  // the sheet's column
    let last = lastSheetWords(model, width: width)
    #expect(!text(model).contains(last), "the sheet is longer than its column")
    for _ in 0..<8 { Fixture.press(&model, [.pageDown]) }
    #expect(text(model).contains(last), "\(text(model))")
  }
}

/// On a narrow terminal the sheet F4 opens covers the form: Esc closes it (as F4 does), and the footer says so,
/// instead of asking to leave the visit, where Enter would lose the form.
@Suite("Closing the sheet that covers the serve form")
struct ServeSheetCloseTests {
  @Test("at 80×24, Esc on the sheet closes it and keeps the form and the call")
  func escClosesTheSheet() {
    var model = Fixture.model(width: 80, height: 24)
    model.openServe(model.state.visits["T-2"]!)
    Fixture.press(&model, [.enter, .tab, .tab])  // a topic, then to the outcome
    Fixture.type(&model, "Explicado")
    Fixture.press(&model, [.function(4)])
    let covered = model.view().grid.lines.joined(separator: "\n")
    #expect(!covered.contains(model.tr("serve.outcome")), "the sheet covers the form")
    let footer = model.view().grid.lines.last ?? ""
    #expect(footer.hasPrefix("Esc/F4 " + model.tr("key.closeSheet")), "\(footer)")
    #expect(Fixture.press(&model, [.escape]).isEmpty)
    #expect(model.overlay == nil)
    let form = model.view().grid.lines.joined(separator: "\n")
    #expect(form.contains(model.tr("serve.outcome")) && form.contains("Explicado"), "\(form)")
    #expect(model.current(ServeScreen.self) != nil)
  }
}
