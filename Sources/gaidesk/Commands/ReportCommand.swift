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
    @Argument(help: Help.t("The month, YYYY-MM.")) var month: String
    @Option(
      help: Help.t(
        "text, csv (opens as columns in LibreOffice or Excel), xlsx (a workbook, one sheet per section) or json."
      ),
      completion: .list(["text", "csv", "xlsx", "json"])) var format = "text"
    @Option(
      help: Help.t("CSV field separator: one character or tab (default: ; in pt and fr, a comma in en)."),
      completion: .list([";", ",", "tab"])) var separator: String?

    func run() throws {
      let office = try options.open()
      guard MonthReport.isMonth(month) else { throw GAIDeskError(.reportMonth, month) }
      let report = try office.monthReport(month: month, staff: try options.actor(office))
      let language = Console.language
      switch options.json ? "json" : format {
      case "json": Console.json(report.jsonObject())
      case "csv", "xlsx":
        let table = report.table(language: language, office: office.code, partners: office.partners.all)
        if format == "xlsx" { return try Export.binary(try table.xlsx()) }
        print(table.csv(try Export.style(separator: separator, language: language)), terminator: "")
      case "text":
        Console.say(
          "month.title", month, ReferenceData.shipped.municipality(office.code)?.name ?? office.code)
        var section = ""
        for row in report.rows(language: language, partners: office.partners.all) {
          if row.section != section {
            section = row.section
            print("")
            Console.say("month.section.\(section)")
          }
          let label =
            row.section == "referral-partner"
            ? "\(row.shownLabel) — \(Console.text("referral.\(row.status)"))" : row.shownLabel
          print("  \(Console.pad(label, 56)) \(row.shownValue)")
        }
      default: throw GAIDeskError(.reportFormat, format)
      }
    }
  }
}
