import GAIDesk

/// The core's day and month reports of one office state, and the supervisor's lists, computed once and drawn
/// many times: a report of a million-event office takes a sixth of a second, sorting its referrals tens of
/// milliseconds, a frame must take a millisecond. `AppModel` starts a new cache whenever its state changes, so
/// nothing is older than the state drawn with it.
final class ReportCache {
  private var day: (key: String, value: DayReport)?
  private var month: (key: String, value: MonthReport)?
  private var referralRows: [Referral]?
  private var referralCounts: (key: String, value: (open: Int, overdue: Int))?
  private var followUps: (key: String, value: FollowUpsDue)?

  /// `DayReport(state:day:office:)`, computed on the first call for this day and office.
  func day(_ state: OfficeState, day: String, office: String?) -> DayReport {
    Self.memo(&self.day, key: day + "|" + (office ?? "")) {
      DayReport(state: state, day: day, office: office)
    }
  }

  /// `MonthReport(state:month:office:)`, computed on the first call for this month and office.
  func month(_ state: OfficeState, month: String, office: String?) -> MonthReport {
    Self.memo(&self.month, key: month + "|" + (office ?? "")) {
      MonthReport(state: state, month: month, office: office)
    }
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
    Self.memo(&followUps, key: day) { FollowUpsDue(state: state, day: day) }
  }

  /// The open and overdue referrals as `day` ends, counted by `count` on the first call for this day.
  func referralCounts(day: String, _ count: () -> (open: Int, overdue: Int)) -> (open: Int, overdue: Int) {
    Self.memo(&referralCounts, key: day, count)
  }

  /// The value kept in `slot` when it was made for `key`, else `make()`'s, kept there.
  private static func memo<Key: Equatable, Value>(
    _ slot: inout (key: Key, value: Value)?, key: Key, _ make: () -> Value
  ) -> Value {
    if let kept = slot, kept.key == key { return kept.value }
    let value = make()
    slot = (key, value)
    return value
  }
}
