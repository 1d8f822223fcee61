import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The supervisor's Fichas tab: "!" only beside sheets the core counts lines to confirm in, the counts in a
/// column, and a sheet opened with Enter scrolls.
@Suite("Supervisor's sheets tab")
struct SheetsTabTests {
  /// The Fichas tab at `width`×`height`.
  static func sheetsTab(width: Int = 80, height: Int = 24, language: Language = .portuguese) -> AppModel {
    var model = Fixture.model(width: width, height: height, language: language)
    Fixture.press(&model, [.character("s"), .tab, .tab, .tab, .tab, .tab])
    return model
  }

  /// The list's rows: "│" then the mark.
  static func listRows(_ model: AppModel) -> [String] {
    let legend = model.tr("sheets.legend")
    return model.view().grid.lines.filter {
      ($0.hasPrefix("│! ") || $0.hasPrefix("│✓ ")) && !$0.contains(legend)
    }
  }

  @Test("a sheet whose every line was confirmed today shows ✓ and no count; the others ! and theirs")
  func markFromTheCore() throws {
    var model = Self.sheetsTab()
    let sheet = try #require(model.directory.sheets.first)
    let content = sheet.content(.portuguese)
    let events: [Event] = [SheetSection.documents, .tell].flatMap { section in
      section.lines(content).map { line in
        Event.knowledgeConfirmed(
          subject: .sheetLine(topic: sheet.topic, section: section, text: line), method: .phone,
          day: Fixture.today, note: nil)
      }
    }
    model.state.apply(
      EventBatch(staff: "Ana", office: "praia", events: events), time: Fixture.at(minutesAgo: 1, counter: 70))
    let review = model.review
    #expect(review.unconfirmedLines(topic: sheet.topic, today: model.today).isEmpty)
    let rows = Self.listRows(model)
    let first = try #require(rows.first)
    #expect(first.hasPrefix("│✓ ") && !first.contains("!"), "\(first)")
    for (row, other) in zip(rows.dropFirst(), model.directory.sheets.dropFirst()) {
      let count = review.unconfirmedLines(topic: other.topic, today: model.today).count
      #expect(row.hasPrefix(count > 0 ? "│!" : "│✓"), "\(row)")
      if count > 0 { #expect(row.contains(" \(count) "), "\(row)") }
    }
  }

  @Test("the counts are right-aligned: every topic starts in the same column", arguments: Language.allCases)
  func aligned(language: Language) {
    let model = Self.sheetsTab(language: language)
    let sheets = model.directory.sheets
    let rows = Self.listRows(model)
    #expect(rows.count > 3)
    let columns = zip(rows, sheets).map { row, sheet -> Int? in
      let label = String(model.tr.topic(sheet.topic).prefix(8))
      return row.range(of: label).map { row[..<$0.lowerBound].count }
    }
    #expect(Set(columns).count == 1, "\(rows.joined(separator: "\n"))")
  }

  /// The detail's rows (right of the list), trimmed.
  static func detail(_ model: AppModel) -> [String] {
    model.view().grid.lines.dropFirst(3).map { line in
      // The detail box starts at the second "│" of the row.
      guard let split = line.range(of: "││") else { return "" }
      return String(line[split.upperBound...]).trimmingCharacters(in: .whitespaces)
    }
  }

  @Test(
    "Enter opens the sheet: ↓ PgDn scroll it (saying more follows), PgUp comes back, Esc returns to the list")
  func scrolls() {
    var model = Self.sheetsTab()
    let top = Self.detail(model)
    #expect(top.contains { $0.hasPrefix("↓") }, "a sheet taller than the screen")
    Fixture.press(&model, [.enter])
    #expect(model.current(SupervisorScreen.self)?.lists[.sheets]?.selected ?? 0 == 0)
    Fixture.press(&model, [.pageDown])
    let paged = Self.detail(model)
    #expect(paged != top, "PgDn scrolled the sheet")
    #expect(model.current(SupervisorScreen.self)?.lists[.sheets]?.selected ?? 0 == 0, "the same sheet")
    Fixture.press(&model, [.pageUp])
    // The same lines; the last row now says PgDn shows more (before Enter: that Enter reads it all).
    #expect(Self.detail(model).prefix(10) == top.prefix(10))
    #expect(Self.detail(model).contains { $0.hasPrefix(model.tr("sheet.more")) })
    #expect(top.contains { $0.hasPrefix(model.tr("sheets.continues")) })
    Fixture.press(&model, [.down])
    #expect(Self.detail(model).first == top[1], "↓ moved by a line")
    // To the end: the last line is the last of the sheet, and nothing says more.
    Fixture.press(&model, Array(repeating: .pageDown, count: 10))
    let end = Self.detail(model)
    #expect(!end.contains { $0.hasPrefix("↓") }, "\(end.joined(separator: "\n"))")
    #expect(model.view().grid.lines.last?.contains(model.tr("key.scroll")) == true)
    // Esc: back to the list; ↓ chooses the next sheet again.
    Fixture.press(&model, [.escape])
    #expect(model.current(SupervisorScreen.self) != nil, "still on the supervisor's desk")
    Fixture.press(&model, [.down])
    #expect(model.current(SupervisorScreen.self)?.lists[.sheets]?.selected == 1)
  }
}
