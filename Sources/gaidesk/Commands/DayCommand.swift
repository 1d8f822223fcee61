import ArgumentParser
import GAIDesk

/// `gaidesk day`: the supervisor's view of a day at the desk.
struct DayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "day",
    abstract:
      Help.t(
        "The day at the desk: tickets, waiting, served, left, waits, service times, staff, topics, referrals, follow-ups."
      ), discussion: Help.examples("day")
  )
  @OptionGroup var options: OfficeOptions
  @Option(help: Help.t("The day, dd/mm/yyyy or YYYY-MM-DD (default: today).")) var date: String?
  @Flag(
    help: Help.t(
      "Print the day sheet (figures, queue, referrals) on the default printer; without one, save it without names in your home folder."
    )) var print = false

  /// Minutes and seconds, e.g. `2 min 44 s`, or a dash (the core's formatter, shared with the screens).
  static func duration(_ seconds: Int?) -> String { DurationStats.text(seconds) }

  func validate() throws {
    if print && options.json { throw ValidationError(Console.text("month.printText")) }
  }

  func run() throws {
    let office = try options.open()
    let day = try Validation.date(Console.typedDay(date), field: "date") ?? LocalTime.today()
    let report = try office.dayReport(day: day, staff: try options.actor(office))
    if options.json {
      func stats(_ s: DurationStats) -> [String: Any] {
        var out: [String: Any] = ["count": s.count]
        out["medianSeconds"] = s.median
        out["p90Seconds"] = s.p90
        return out
      }
      return Console.json([
        "day": day, "ticketsIssued": report.ticketsIssued, "waiting": report.waiting,
        "beingServed": report.beingServed,
        "served": report.served, "left": report.left, "wait": stats(report.wait),
        "service": stats(report.service),
        "servedByStaff": report.servedByStaff.map { ["staff": $0.key, "count": $0.count] },
        "topics": report.topics.map { ["topic": $0.key, "count": $0.count] },
        "referralsMade": report.referralsMade, "overdueReferrals": report.overdueReferrals,
        "followUpsDue": report.followUpsDue,
      ])
    }
    let page = PrintedPage.day(
      day, state: office.state, office: office.code, language: Console.language, names: true)
    guard print else { return Swift.print(page.text, terminator: "") }
    let withoutNames = PrintedPage.day(
      day, state: office.state, office: office.code, language: Console.language, names: false)
    Console.report(
      try Printer.printOrSave(
        page, withoutNames: withoutNames, fileName: "gaidesk-day-\(day).txt", folder: Console.pageFolder))
  }
}
