/// How many of a day's tickets are waiting, at a desk, served and gone without service: the queue's
/// summary line and the supervisor's day count them the same way.
public struct TicketCounts: Equatable, Sendable {
  /// Tickets still waiting to be called.
  public let waiting: Int
  /// Tickets called and not yet closed.
  public let beingServed: Int
  /// Tickets served and closed.
  public let served: Int
  /// Tickets that left without service.
  public let left: Int

  /// The counts of `visits` by status.
  public init(_ visits: [Visit]) {
    var counts: [VisitStatus: Int] = [:]
    for visit in visits { counts[visit.status, default: 0] += 1 }
    waiting = counts[.waiting] ?? 0
    beingServed = counts[.called] ?? 0
    served = counts[.done] ?? 0
    left = counts[.left] ?? 0
  }
}
