import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The supervisor's list of sheets says what its "! 11" marks mean.
@Suite("Sheets legend")
struct SheetsLegendTests {
  @Test("the Fichas tab explains \"! n\" under its list, in every language", arguments: Language.allCases)
  func legend(language: Language) {
    var model = Fixture.model(language: language)
    Fixture.press(&model, [.character("s"), .tab, .tab, .tab, .tab, .tab])
    let lines = model.view().grid.lines
    #expect(lines.contains { $0.contains(model.tr("sheets.legend")) }, "\(lines.joined(separator: "\n"))")
    // A page is the rows the list shows above the legend.
    let rows = SupervisorScreen.listRows(
      .sheets, in: model.bodyArea, count: model.directory.sheets.count)
    let legend = model.tr("sheets.legend")
    let shown = lines.filter { ($0.hasPrefix("│! ") || $0.hasPrefix("│✓ ")) && !$0.contains(legend) }.count
    #expect(shown == rows)
  }
}
