extension OfficeState {
  /// The queue of local day `day`: the tickets of the day before still waiting or being served (a visit that
  /// crossed midnight stays in the queue until it is closed or marked left, instead of vanishing at
  /// midnight), then the day's own tickets, in arrival order. Reports still count each visit on the day it
  /// arrived.
  public func queue(on day: String) -> [Visit] {
    let carried = LocalTime.adding(days: -1, to: day).map { visits(on: $0).filter(\.status.isOpen) } ?? []
    return carried + visits(on: day)
  }
}

extension OfficeState {
  /// The tickets of the queue of local day `day` still called to `desk` (being served there, or called by
  /// mistake and never put back), in arrival order.
  public func called(atDesk desk: String, on day: String) -> [Visit] {
    queue(on: day).filter { $0.status == .called && $0.desk == desk }
  }
}

extension OfficeState {
  /// The person's tickets still open (waiting or being served) in the queue of local day `day`, whichever of
  /// their merged records holds them, in arrival order: one such ticket is enough to be in the queue.
  public func openTickets(of visitorID: String, on day: String) -> [Visit] {
    let group = Set(mergedGroup(canonicalVisitor(visitorID)?.id ?? visitorID))
    return queue(on: day).filter { $0.status.isOpen && group.contains($0.visitorID) }
  }
}
