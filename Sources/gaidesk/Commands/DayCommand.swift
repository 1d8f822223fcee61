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
  @Option(help: Help.t("The day, YYYY-MM-DD (default: today).")) var date: String?

  /// Minutes and seconds, e.g. `2 min 44 s`, or a dash (the core's formatter, shared with the screens).
  static func duration(_ seconds: Int?) -> String { DurationStats.text(seconds) }

  func run() throws {
    let office = try options.open()
    let day = try Validation.date(date, field: "date") ?? LocalTime.today()
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
    let language = Console.language
    Console.say("day.title", day)
    for line in report.summary(language: language) { print("  \(Console.pad(line.label, 34)) \(line.value)") }
    if !report.servedByStaff.isEmpty {
      Console.say("day.byStaff")
      for t in report.servedByStaff { print("  \(Console.pad(t.key, 34)) \(t.count)") }
    }
    if !report.topics.isEmpty {
      Console.say("day.topics")
      for t in report.topics {
        print("  \(Console.pad(ReferenceData.shipped.topic(t.key)?.label(language) ?? t.key, 34)) \(t.count)")
      }
    }
    let state = office.state
    if !report.overdueReferrals.isEmpty {
      Console.say("day.overdueList")
      for id in report.overdueReferrals {
        guard let r = state.referrals[id] else { continue }
        print(
          "  \(Console.pad(r.id, 14)) \(r.due ?? "") \(Console.pad(r.partner, 24)) \(state.visitors[r.visitorID]?.fullName ?? "")"
        )
      }
    }
    if !report.followUpsDue.isEmpty {
      Console.say("day.followUpList")
      for id in report.followUpsDue {
        guard let f = state.followUps[id] else { continue }
        print(
          "  \(Console.pad(f.id, 14)) \(f.on) \(Console.pad(state.visitors[f.visitorID]?.fullName ?? "", 24)) \(Console.line(f.note))"
        )
      }
    }
  }
}
