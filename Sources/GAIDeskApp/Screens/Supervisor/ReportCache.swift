import GAIDesk

/// The core's day and month reports of one office state, computed once and drawn many times: a report of a
/// million-event office takes a sixth of a second, a frame must take a millisecond. `AppModel` starts a new
/// cache whenever its state changes, so a report is never older than the state drawn with it.
final class ReportCache {
  private var day: (key: String, report: DayReport)?
  private var month: (key: String, report: MonthReport)?

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
}
