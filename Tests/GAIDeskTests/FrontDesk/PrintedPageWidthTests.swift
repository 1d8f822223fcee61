import Foundation
import GAIDesk
import ProcessTestSupport
import Testing

/// Printed pages keep their columns when names and labels are in wide scripts: columns are padded by display
/// width (measured here with the C library's `wcwidth`, as the terminal and `lp`'s monospace text count).
@Suite("Printed pages: columns by display width")
struct PrintedPageWidthTests {
  static let day = "2030-03-11"

  @Test("Cyrillic, CJK and emoji names and a CJK desk keep the day sheet's queue columns aligned")
  func daySheet() throws {
    let f = try FrontDeskFixture()
    let names = ["Мария Иванова", "王小明", "Maria 👩‍👩‍👧 Silva 🇨🇻", "Ana Lopes"]
    let desks = ["窗口", "1", "🪟", "2"]
    for (index, name) in names.enumerated() {
      let visitorID = try f.visitor(name)
      let visitID = "T\(index + 1)"
      try f.at(Self.day, 9, index) { _ in
        [.visitArrived(visitID: visitID, visitorID: visitorID, day: Self.day, number: index + 1)]
      }
      try f.at(Self.day, 9, 10 + index) { _ in [.visitCalled(visitID: visitID, desk: desks[index])] }
    }
    let page = PrintedPage.day(
      Self.day, state: f.office.state, office: "praia", language: .portuguese, names: true)
    // Where each visitor's name starts on its queue line, in terminal columns.
    let starts = names.map { name -> Int? in
      page.lines.first { $0.hasSuffix(name) }.map { TerminalColumns.of($0) - TerminalColumns.of(name) }
    }
    #expect(starts.allSatisfy { $0 != nil }, "\(page.text)")
    #expect(Set(starts.compactMap { $0 }).count == 1, "the names start in one column:\n\(page.text)")
  }

  @Test("a partner named in a wide script keeps its figure in the month page's column")
  func monthPage() throws {
    let m = try HandCountedMonth()
    let report = MonthReport(state: m.f.office.state, month: "2030-03", office: "praia")
    let partners = [
      Partner(code: "def", name: "国防部 🛡 Direção de Estrangeiros"),
      Partner(code: "centro-saude", name: "Centro de Saúde"),
    ]
    let page = PrintedPage.month(report, office: "praia", partners: partners, language: .portuguese)
    let lines = page.lines.filter { $0.hasPrefix("  ") }
    let values = report.rows(language: .portuguese, partners: partners).map(\.shownValue)
    #expect(lines.count == values.count && lines.contains { $0.contains("国防部") }, "\(page.text)")
    // Each line ends with its figure after the padded label: the figures start in one column.
    let valueColumns = zip(lines, values).map { TerminalColumns.of($0) - TerminalColumns.of($1) }
    #expect(Set(valueColumns).count == 1, "the figures stand in one column:\n\(page.text)")
  }
}
