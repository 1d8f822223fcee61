import Foundation
@_spi(Testing) import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// p on the supervisor's day prints the core's day sheet; without a printer it is saved without names.
@Suite("Printing the day from the interface")
struct DaySheetPrintTests {
  @Test("p on the day tab: without a printer the sheet is saved without names and the status line says where")
  func printTheDayWithoutAPrinter() throws {
    let (runtime, root) = try #require(Fixture.runtimeWithNewOffice())
    defer { try? FileManager.default.removeItem(atPath: root) }
    // A pinned clock: the tickets are on the day printed, whenever the test runs.
    try #require(runtime.office).now = { TestOffice.morning }
    for name in ["Ana Lopes", "Rui Semedo"] {
      _ = runtime.perform(.arriveNew(VisitorForm(fullName: name)), staff: "Ana")
    }
    runtime.pageFolder = root + "-pages"
    try FileManager.default.createDirectory(atPath: runtime.pageFolder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: runtime.pageFolder) }
    let office = try #require(runtime.office)
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana", language: "pt"),
      size: Size(width: 100, height: 30), now: TestOffice.morning)
    _ = model.update(.opened(office: "praia", state: office.state))
    _ = model.update(.key(.enter))
    Fixture.press(&model, [.escape, .character("s")])  // no PIN this session
    #expect(model.view().grid.lines.joined().contains("Imprimir o dia"), "the footer names the key")

    let effects = Fixture.press(&model, [.character("p")])
    #expect(effects == [.printDaySheet(day: model.today, language: .portuguese)])
    #expect(model.busy == "A imprimir…")
    // No CUPS scheduler is reachable from the test (CUPS_SERVER points nowhere): the page is saved.
    runtime.printingEnvironment = ["CUPS_SERVER": root + "/no-cups.sock", "HOME": root]
    let answer = try #require(runtime.perform(effects[0], staff: "Ana"))
    _ = model.update(answer)
    let path = runtime.pageFolder + "/gaidesk-day-\(model.today).txt"
    guard case .pagePrinted(.saved(let savedAt)) = answer else {
      Issue.record("not saved: \(answer)")
      return
    }
    #expect(savedAt == path)
    #expect(model.view().grid.lines.joined().contains("guardada sem nomes"))
    let saved = try String(contentsOfFile: path, encoding: .utf8)
    let page = PrintedPage.day(
      model.today, state: office.state, office: "praia", language: .portuguese, names: false)
    #expect(saved == page.text, "the file is the core's page")
    #expect(saved.contains("A-002") && !saved.contains("Rui") && !saved.contains("Ana Lopes"))
  }
}
