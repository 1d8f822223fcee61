import TextWidth

/// A report as a page of text: what `gaidesk day` and `gaidesk report month` print on the terminal, send to
/// the printer, or save when there is no printer.
public struct PrintedPage: Equatable, Sendable {
  /// The lines, without line ends.
  public let lines: [String]

  /// The page as text, one line per line, ending with a newline.
  public var text: String { lines.map { $0 + "\n" }.joined() }

  /// Whether the page holds people's names (a page that does is never saved to a file).
  public let holdsNames: Bool

  /// A page of `lines` (trailing blanks dropped).
  init(lines: [String], holdsNames: Bool) {
    self.lines = lines.map { line in
      String(line[..<(line.lastIndex { $0 != " " }.map(line.index(after:)) ?? line.startIndex)])
    }
    self.holdsNames = holdsNames
  }
}

extension PrintedPage {
  /// The day sheet of `day`: the figures, who served, topics, the queue (ticket, arrival, wait, status, desk,
  /// name), the referrals made, the overdue ones and the follow-ups due. Names only when `names` is true;
  /// columns are padded by display width (as the terminal and the printer's monospace font count), and every
  /// name or partner is the last field of its line.
  public static func day(_ day: String, state: OfficeState, office: String?, language: Language, names: Bool)
    -> PrintedPage
  {
    let report = DayReport(state: state, day: day, office: office)
    func text(_ key: String, _ args: [String] = []) -> String {
      Strings.shared.text(key, args, language: language)
    }
    func person(_ visitorID: String) -> String {
      names ? TextEscaping.oneLine(state.canonicalVisitor(visitorID)?.fullName ?? "") : ""
    }
    let partners = PartnerDirectory(state: state)
    func partner(_ code: String) -> String { partners.partner(code)?.name ?? code }
    var lines = [text("day.title", [LocalTime.shown(day, language: language)])]
    lines += report.summary(language: language).map { "  " + $0.label.padded(toColumns: 34) + " " + $0.value }
    if !report.servedByStaff.isEmpty {
      lines +=
        [text("day.byStaff")]
        + report.servedByStaff.map { "  " + String($0.count).padded(toColumns: 6) + " " + $0.key }
    }
    if !report.topics.isEmpty {
      lines.append(text("day.topics"))
      for tally in report.topics {
        let label = ReferenceData.shipped.topic(tally.key)?.label(language) ?? tally.key
        lines.append("  " + String(tally.count).padded(toColumns: 6) + " " + label)
      }
    }
    let visits = state.visits(on: day)
    if !visits.isEmpty {
      lines.append(text("day.queue"))
      for visit in visits {
        let wait = visit.calledAt.map { DurationStats.text(visit.arrivedAt.seconds(to: $0)) } ?? "-"
        let status = text("status.\(visit.status.rawValue)")
        lines.append(
          "  "
            + [
              visit.ticket.padded(toColumns: 7), LocalTime.clock(visit.arrivedAt), wait.padded(toColumns: 12),
              status.padded(toColumns: 14),
              (visit.desk ?? "").padded(toColumns: 4),
            ].joined(separator: " ") + " " + person(visit.visitorID))
      }
    }
    func referralLines(_ key: String, _ ids: [String]) {
      let referrals = ids.compactMap { state.referrals[$0] }
      guard !referrals.isEmpty else { return }
      lines.append(text(key))
      for referral in referrals {
        let due = (referral.due ?? "").padded(toColumns: 10)
        let who = names ? person(referral.visitorID) + " → " : ""
        lines.append(
          "  " + referral.id.padded(toColumns: 14) + " " + due + " " + who + partner(referral.partner))
      }
    }
    referralLines("day.referralsList", report.referralsMade)
    referralLines("day.overdueList", report.overdueReferrals)
    let followUps = report.followUpsDue.compactMap { state.followUps[$0] }
    if !followUps.isEmpty {
      lines.append(text("day.followUpList"))
      for followUp in followUps {
        let note = names ? person(followUp.visitorID) + ": " + TextEscaping.oneLine(followUp.note) : ""
        lines.append("  " + followUp.id.padded(toColumns: 14) + " " + followUp.on + " " + note)
      }
    }
    if !names { lines += ["", text("day.withoutNames")] }
    return PrintedPage(lines: lines, holdsNames: names)
  }

  /// The month's summary for the national authority: every figure of `MonthReport`, by section. No names.
  /// Labels are padded by display width, so a partner named in a wide script keeps its figure in the column.
  public static func month(_ report: MonthReport, office: String, partners: [Partner], language: Language)
    -> PrintedPage
  {
    func text(_ key: String, _ args: [String] = []) -> String {
      Strings.shared.text(key, args, language: language)
    }
    let municipality = ReferenceData.shipped.municipality(office)?.name ?? office
    var lines = [text("month.title", [report.month, municipality])]
    var section = ""
    for row in report.rows(language: language, partners: partners) {
      if row.section != section {
        section = row.section
        lines += ["", text("month.section.\(section)")]
      }
      let label =
        row.section == "referral-partner"
        ? "\(row.shownLabel) — \(text("referral.\(row.status)"))" : row.shownLabel
      lines.append("  " + label.padded(toColumns: 56) + " " + row.shownValue)
    }
    return PrintedPage(lines: lines, holdsNames: false)
  }

}
