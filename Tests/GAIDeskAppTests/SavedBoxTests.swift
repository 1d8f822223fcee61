import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The box that follows a closed visit says "saved" once.
@Suite("Saved box")
struct SavedBoxTests {
  @Test("after closing a visit, \"Guardado\" is read once on the screen", arguments: Language.allCases)
  func savedOnce(language: Language) {
    var model = Fixture.model(language: language)
    model.openServe(model.state.visits["T-2"]!)
    let closing = VisitClosing(
      visit: "T-2", topics: ["residence.renewal"], outcome: "", note: "", referrals: [], followUp: "",
      language: language)
    _ = model.update(.done(.close(closing), model.state, visitID: "T-2", referralID: nil))
    let text = model.view().grid.lines.joined(separator: "\n")
    let saved = model.tr("saved.title")
    #expect(text.components(separatedBy: saved).count - 1 == 1, "\(text)")
    #expect(text.contains(model.tr("saved.message", "A-002", "Мария Иванова")))
  }

  /// The box after closing A-001 of the day before with its referral's slip (printing asked with Ctrl-P),
  /// the printer missing: the status line says so.
  static func printedWithoutPrinter(width: Int, height: Int) -> AppModel {
    var model = Fixture.model(width: width, height: height)
    model.openServe(
      model.state.visits["T-0"].map {
        var visit = $0
        visit.status = .called
        return visit
      }!)
    model.overlay = .saved(visitID: "T-0", referralIDs: ["R-1"], language: .portuguese)
    _ = model.update(.failed(.printSlip(referralID: "R-1", language: .portuguese), GAIDeskError(.printNone)))
    return model
  }

  @Test("at 80×24 the box stays in the body: the status line under it reads whole, the keys' line too")
  func fitsTheBody() throws {
    let model = Self.printedWithoutPrinter(width: 80, height: 24)
    guard case .saved(let visitID, let referralIDs, let language)? = model.overlay else {
      Issue.record("the box closed")
      return
    }
    let body = model.bodyArea
    let box = model.savedLayout(visitID: visitID, referralIDs: referralIDs, language: language).box
    #expect(box.y >= body.y && box.maxY <= body.maxY, "box \(box), body \(body)")
    let lines = model.view().grid.lines
    let text = lines.joined(separator: "\n")
    // The status rows: the notice from its first column, no border over it.
    let notice = try #require(model.status?.text)
    let status = lines[body.maxY..<(lines.count - 1)].joined(separator: " ")
    #expect(status.hasPrefix(" " + notice.prefix(30)), "\(text)")
    #expect(!status.contains("│") && !status.contains("└"), "\(text)")
    // The box's own last rows: what the keys do.
    #expect(text.contains(model.tr("saved.continueOrPrint")), "\(text)")
    #expect(text.contains(model.tr("saved.title")), "\(text)")
  }

  @Test("Ctrl-P, the serve screen's print key, prints the slips here too instead of leaving the box")
  func controlPPrints() {
    var model = Fixture.model()
    model.overlay = .saved(visitID: "T-0", referralIDs: ["R-1"], language: .portuguese)
    #expect(Fixture.press(&model, [.control("p")]) == [.printSlip(referralID: "R-1", language: .portuguese)])
    guard case .saved = model.overlay else {
      Issue.record("the box closed")
      return
    }
  }

  @Test("the keys' line offers scrolling only when the box has more than it shows")
  func scrollOfferedOnlyWhenItScrolls() {
    let key = Fixture.model().tr("key.scroll")
    var small = Fixture.model(width: 200, height: 60)
    small.overlay = .saved(visitID: "T-1", referralIDs: [], language: .portuguese)
    #expect(!small.view().grid.lines.last!.contains(key), "\(small.view().grid.lines.last!)")
    let cut = Self.printedWithoutPrinter(width: 80, height: 24)
    #expect(cut.view().grid.lines.contains { $0.contains(key) })
  }

  @Test("at 40×10 nothing breaks: the window is too small and says so")
  func tiny() {
    var model = Self.printedWithoutPrinter(width: 40, height: 10)
    let lines = model.view().grid.lines
    #expect(lines.count == 10)
    #expect(!lines.joined().contains(model.tr("saved.title")))
    Fixture.press(&model, [.pageDown, .pageUp])
    _ = model.view()
  }
}
