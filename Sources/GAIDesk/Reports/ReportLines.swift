import Foundation

/// One figure of a report as shown to people: its label and its value, both in words.
public struct ReportLine: Equatable, Sendable {
  /// What is counted, in the chosen language.
  public let label: String
  /// The figure, formatted (a count, or durations as `2 min 44 s`).
  public let value: String

  /// Creates a line.
  public init(_ label: String, _ value: String) {
    self.label = label
    self.value = value
  }
}

extension DayReport {
  /// The day's figures as lines, in `language`: what `gaidesk day` prints and the supervisor's day tab shows.
  public func summary(language: Language) -> [ReportLine] {
    func text(_ key: String, _ args: [String] = []) -> String {
      Strings.shared.text(key, args, language: language)
    }
    // The same labels as the month's figures, without the export's unit mark.
    func duration(_ code: String, _ seconds: Int?) -> ReportLine {
      ReportLine(
        text("month." + code).replacingOccurrences(of: " (s)", with: ""), DurationStats.text(seconds))
    }
    return [
      ReportLine(text("day.tickets"), String(ticketsIssued)),
      ReportLine(text("day.waiting"), String(waiting)),
      ReportLine(text("day.beingServed"), String(beingServed)),
      ReportLine(text("day.served"), String(served)),
      ReportLine(text("day.left"), String(left)),
      duration("wait-median", wait.median), duration("wait-p90", wait.p90),
      duration("service-median", service.median), duration("service-p90", service.p90),
      ReportLine(text("day.referrals"), String(referralsMade.count)),
      ReportLine(text("day.overdue"), String(overdueReferrals.count)),
      ReportLine(text("day.followUps"), String(followUpsDue.count)),
    ]
  }
}

extension MonthReport.Row {
  /// The label as shown (without the export's unit mark).
  public var shownLabel: String { label.replacingOccurrences(of: " (s)", with: "") }

  /// The value as shown: waits and service times as `2 min 44 s`, counts as numbers.
  public var shownValue: String {
    code.hasPrefix("wait-") || code.hasPrefix("service-") ? DurationStats.text(value) : String(value)
  }
}

extension MonthReport {
  /// The summary figures as lines, in `language`: what `gaidesk report month` prints first and the
  /// supervisor's month tab shows.
  public func summary(language: Language) -> [ReportLine] {
    rows(language: language).filter { $0.section == "summary" }.map {
      ReportLine($0.shownLabel, $0.shownValue)
    }
  }
}
