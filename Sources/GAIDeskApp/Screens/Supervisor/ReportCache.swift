import GAIDesk

/// The core's day and month reports of one office state, and the supervisor's lists, computed once and drawn
/// many times: a report of a million-event office takes a sixth of a second, sorting its referrals tens of
/// milliseconds, a frame must take a millisecond. `AppModel` starts a new cache whenever its state changes, so
/// nothing is older than the state drawn with it.
final class ReportCache {
  private var day: (key: String, report: DayReport)?
  private var month: (key: String, report: MonthReport)?
  private var referralRows: [Referral]?
  private var referralCounts: (day: String, open: Int, overdue: Int)?
  private var followUps: (day: String, agenda: FollowUpsDue)?

  /// `DayReport(state:day:office:)`, computed on the first call for this day and office.
  func day(_ state: OfficeState, day: String, office: String?) -> DayReport {
    let key = day + "|" + (office ?? "")
    if let cached = self.day, cached.key == key { return cached.report }
    let report = DayReport(state: state, day: day, office: office)
    self.day = (key, report)
    return report
  }

  /// `MonthReport(state:month:office:)`, computed on the first call for this month and office.
  func month(_ state: OfficeState, month: String, office: String?) -> MonthReport {
    let key = month + "|" + (office ?? "")
    if let cached = self.month, cached.key == key { return cached.report }
    let report = MonthReport(state: state, month: month, office: office)
    self.month = (key, report)
    return report
  }

  /// The referrals board's rows, made by `make` on the first call for this state.
  func referrals(_ make: () -> [Referral]) -> [Referral] {
    if let referralRows { return referralRows }
    let rows = make()
    referralRows = rows
    return rows
  }

  /// `FollowUpsDue(state:day:)`, computed on the first call for this day.
  func followUps(_ state: OfficeState, day: String) -> FollowUpsDue {
    if let cached = followUps, cached.day == day { return cached.agenda }
    let agenda = FollowUpsDue(state: state, day: day)
    followUps = (day, agenda)
    return agenda
  }

  /// The open and overdue referrals as `day` ends, counted by `count` on the first call for this day.
  func referralCounts(day: String, _ count: () -> (open: Int, overdue: Int)) -> (open: Int, overdue: Int) {
    if let cached = referralCounts, cached.day == day { return (cached.open, cached.overdue) }
    let counts = count()
    referralCounts = (day, counts.open, counts.overdue)
    return counts
  }
}
