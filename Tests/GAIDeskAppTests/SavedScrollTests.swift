import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The saved visit's box scrolls by the rows it shows: paging never skips a line of the slip, and the last
/// line can be reached, whatever the print notice above the keys takes.
@Suite("Saved visit box scrolls")
struct SavedScrollTests {
  @Test(
    "PageDown shows every line of a long slip at 80×24, with a notice of one to three rows",
    arguments: [1, 2, 3])
  func everyLineIsShown(noticeRows: Int) {
    var model = Fixture.model(width: 80, height: 24)
    model.openServe(
      model.state.visits["T-0"].map {
        var visit = $0
        visit.status = .called
        return visit
      }!)
    model.overlay = .saved(visitID: "T-0", referralIDs: ["R-1"], language: .french)
    let words = Array(repeating: "impressora", count: 12 * noticeRows).joined(separator: " ")
    model.notice = Notice(String(words.prefix(60 * noticeRows)), role: .warning)
    // The lines as the box wraps them (the layout the drawing uses).
    let lines = model.savedLayout(visitID: "T-0", referralIDs: ["R-1"], language: .french).lines
    #expect(lines.count > 24 - 4 - noticeRows, "the slip is longer than the box")

    var seen = Set<String>()
    for _ in 0...lines.count {
      for line in model.view().grid.lines { seen.insert(line) }
      _ = Fixture.press(&model, [.pageDown])
    }
    let shown = seen.joined(separator: "\n")
    for line in lines where !line.isEmpty {
      #expect(shown.contains(line), "never shown: \(line)")
    }
  }
}
