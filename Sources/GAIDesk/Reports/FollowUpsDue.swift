/// The follow-ups to do as a day ends: the one rule behind the day report, the supervisor's follow-ups tab
/// and `gaidesk followup list --due`.
public struct FollowUpsDue: Equatable, Sendable {
  /// The days after the day that the supervisor's list also shows, to plan the week.
  public static let daysAhead = 7
  /// Due on the day or earlier and not done by its end, in record order.
  public let due: [FollowUp]
  /// Due in the `daysAhead` days after the day and not done by its end, in record order.
  public let coming: [FollowUp]

  /// The follow-ups of `state` to do as `day` (YYYY-MM-DD) ends.
  public init(state: OfficeState, day: String) {
    let horizon = LocalTime.adding(days: Self.daysAhead, to: day) ?? day
    let open = state.allFollowUps.filter { followUp in
      followUp.on <= horizon && (followUp.doneAt.map { LocalTime.day($0) > day } ?? true)
    }
    due = open.filter { $0.on <= day }
    coming = open.filter { $0.on > day }
  }
}
