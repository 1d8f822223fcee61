import ArgumentParser
import Foundation
import GAIDesk
import GAIDeskExport

/// `gaidesk report …`: figures for the national immigration authority (named by reference data).
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: Help.t("Reports for the national authority") + " (\(Authority.shipped.short)).",
    subcommands: [Month.self])

  struct Month: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        Help.t(
          "The month's figures: visits by area, topic, nationality, sex, age band; referrals by partner and status; waits."
        ), discussion: Help.examples("report.month")
    )
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The month, mm/yyyy or YYYY-MM.")) var month: String
    @Option(
      help: Help.t(
        "text, csv (opens as columns in LibreOffice or Excel), xlsx (a workbook, one sheet per section) or json."
      ),
      completion: .list(["text", "csv", "xlsx", "json"])) var format = "text"
    @Option(
      help: Help.t("CSV field separator: one character or tab (default: ; in pt and fr, a comma in en)."),
      completion: .list([";", ",", "tab"])) var separator: String?
    @Flag(
      help: Help.t(
        "Print the month's summary on the default printer; without one, save it in your home folder."))
    var print = false

    func validate() throws {
      if print && (options.json || format != "text") {
        throw ValidationError(Console.text("month.printText"))
      }
    }

    func run() throws {
      let office = try options.open()
      let month = LocalTime.month(typed: month)
      guard MonthReport.isMonth(month) else { throw GAIDeskError(.reportMonth, month) }
      let report = try office.monthReport(month: month, staff: try options.actor(office))
      let language = Console.language
      switch options.json ? "json" : format {
      case "json": Console.json(report.jsonObject())
      case "csv", "xlsx":
        let table = report.table(language: language, office: office.code, partners: office.partners.all)
        if format == "xlsx" { return try Export.binary(try table.xlsx()) }
        Swift.print(table.csv(try Export.style(separator: separator, language: language)), terminator: "")
      case "text":
        let page = PrintedPage.month(
          report, office: office.code, partners: office.partners.all, language: language)
        guard print else { return Swift.print(page.text, terminator: "") }
        Console.report(
          try Printer.printOrSave(
            page, withoutNames: page, fileName: "gaidesk-month-\(month).txt", folder: Console.pageFolder))
      default: throw GAIDeskError(.reportFormat, format)
      }
    }
  }
}
