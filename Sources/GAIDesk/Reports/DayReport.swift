/// The supervisor's day: the queue, waits and service times, who served, topics, referrals and follow-ups.
public struct DayReport: Equatable, Sendable {
  /// The local day (YYYY-MM-DD).
  public let day: String
  /// Tickets issued that day.
  public let ticketsIssued: Int
  /// Tickets still waiting to be called.
  public let waiting: Int
  /// Tickets called and not yet closed.
  public let beingServed: Int
  /// Tickets served and closed.
  public let served: Int
  /// Tickets that left without service.
  public let left: Int
  /// Wait, arrival to call, over every ticket called.
  public let wait: DurationStats
  /// Service time, call to end, over every ticket served.
  public let service: DurationStats
  /// Tickets served per staff member (who called them), most first.
  public let servedByStaff: [Tally]
  /// Topics dealt with in served tickets (a ticket counts once per topic), most first.
  public let topics: [Tally]
  /// Referral ids made that day.
  public let referralsMade: [String]
  /// Referral ids made by that day, past their due date and not closed at its end.
  public let overdueReferrals: [String]
  /// Follow-up ids due that day or earlier and not done by its end.
  public let followUpsDue: [String]
  /// Tickets issued in each local hour of the day (24 counts, from midnight).
  public let arrivalsByHour: [Int]

  /// The report of `day` from `state`; only tickets of `office` when given (a journal may hold several offices).
  public init(state: OfficeState, day: String, office: String? = nil) {
    self.day = day
    let visits = state.visits(on: day).filter { office == nil || $0.office == office }
    ticketsIssued = visits.count
    var perHour = [Int](repeating: 0, count: 24)
    for visit in visits { perHour[LocalTime.hour(visit.arrivedAt)] += 1 }
    arrivalsByHour = perHour
    let counts = TicketCounts(visits)
    waiting = counts.waiting
    beingServed = counts.beingServed
    served = counts.served
    left = counts.left
    let done = visits.filter { $0.status == .done }
    wait = DurationStats(visits.compactMap { v in v.calledAt.map { DurationStats.seconds(v.arrivedAt, $0) } })
    service = DurationStats(
      done.compactMap { v in
        guard let called = v.calledAt, let ended = v.endedAt else { return nil }
        return DurationStats.seconds(called, ended)
      })
    servedByStaff = Tally.of(done.map { $0.servedBy ?? "" })
    topics = Tally.of(done.flatMap { Array(Set($0.topics)) })
    let referrals = state.allReferrals
    referralsMade = referrals.filter { LocalTime.day($0.createdAt) == day }.map(\.id)
    overdueReferrals = referrals.filter { $0.isOverdue(endOf: day) }.map(\.id)
    followUpsDue = FollowUpsDue(state: state, day: day).due.map(\.id)
  }
}
