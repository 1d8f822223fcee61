import ArgumentParser
import Foundation
import GAIDesk

/// `gaidesk report …`: figures for the national immigration authority (named by reference data).
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Reports for the \(Authority.shipped.short) (\(Authority.shipped.name.pt)).",
    subcommands: [Month.self])

  struct Month: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "The month's figures: visits by area, topic, nationality, sex, age band; referrals by partner and status; waits."
    )
    @OptionGroup var options: OfficeOptions
    @Argument(help: "The month, YYYY-MM.") var month: String
    @Option(help: "text, csv (UTF-8 with BOM, header row; opens in LibreOffice) or json.") var format = "text"

    func run() throws {
      let office = try options.open()
      guard MonthReport.isMonth(month) else { throw GAIDeskError("error.report.month", month) }
      let report = MonthReport(state: office.state, month: month, office: office.code)
      let language = Console.language
      switch options.json ? "json" : format {
      case "json": Console.json(report.jsonObject())
      case "csv": print(report.csv(language: language), terminator: "")
      case "text":
        Console.say(
          "month.title", month, ReferenceData.shipped.municipality(office.code)?.name ?? office.code)
        var section = ""
        for row in report.rows(language: language) {
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
      default: throw GAIDeskError("error.report.format", format)
      }
    }
  }
}
