extension Office {
  /// Issues today's next ticket to a registered visitor; while the person still holds an open ticket (waiting
  /// or being served) a second one is issued only when asked for `again`.
  @discardableResult
  public func arrive(visitorID: String, staff: String, again: Bool = false) throws -> Visit {
    let id: String = try perform(staff: staff) { (context: inout CommandContext) -> Produced<String> in
      guard let visitor = context.state.canonicalVisitor(visitorID) else {
        throw GAIDeskError(.visitorUnknown, visitorID)
      }
      if !again, let open = context.state.openTickets(of: visitor.id, on: context.today).first {
        throw GAIDeskError(.visitorInQueue, open.ticket)
      }
      let id = context.newID("T")
      return Produced(value: id, events: [Office.arrival(id: id, visitorID: visitor.id, context: context)])
    }.value
    return state.visits[id]!
  }

  /// Registers a new visitor and issues a ticket in one durable record.
  @discardableResult
  public func arrive(newVisitor form: VisitorForm, staff: String) throws -> (Visitor, Visit) {
    let ids = try perform(staff: staff) { context in
      let visitor = try Office.visitor(from: form, id: context.newID("V"), context: context)
      let id = context.newID("T")
      return Produced(
        value: (visitor.id, id),
        events: [
          .visitorRegistered(visitor), Office.arrival(id: id, visitorID: visitor.id, context: context),
        ])
    }.value
    return (state.visitors[ids.0]!, state.visits[ids.1]!)
  }

  private static func arrival(id: String, visitorID: String, context: CommandContext) -> Event {
    let today = context.today
    let letter = context.state.ticketLetter(for: context.stamp.origin)
    let number =
      context.state.visits(on: today).filter { $0.office == context.office && $0.letter == letter }.count + 1
    return .visitArrived(visitID: id, visitorID: visitorID, day: today, number: number, letter: letter)
  }

  /// Calls the longest-waiting ticket of today's queue to `desk`; while the desk still has a ticket called (a
  /// desk serves one person at a time) another is called only when asked for `again`.
  @discardableResult
  public func callNext(desk: String?, staff: String, again: Bool = false) throws -> Visit {
    let id = try perform(staff: staff) { context in
      let desk = try Validation.short(desk, field: "desk")
      if !again { try Office.refuseBusy(desk, in: context) }
      guard let next = context.state.queue(on: context.today).first(where: { $0.status == .waiting }) else {
        throw GAIDeskError(.queueEmpty)
      }
      return Produced(value: next.id, events: [.visitCalled(visitID: next.id, desk: desk)])
    }.value
    return state.visits[id]!
  }

  /// Calls a particular ticket to `desk`; while the desk still has a ticket called, only when asked for `again`.
  @discardableResult
  public func call(ticket: String, desk: String?, staff: String, again: Bool = false) throws -> Visit {
    let id = try perform(staff: staff) { context in
      let desk = try Validation.short(desk, field: "desk")
      let visit = try Office.visit(ticket, in: context)
      guard visit.status == .waiting else { throw GAIDeskError(.visitNotWaiting, visit.ticket) }
      if !again { try Office.refuseBusy(desk, in: context) }
      return Produced(value: visit.id, events: [.visitCalled(visitID: visit.id, desk: desk)])
    }.value
    return state.visits[id]!
  }

  /// Refuses a call to `desk` while it still has a ticket called (the core's ``OfficeState/called(atDesk:on:)``).
  private static func refuseBusy(_ desk: String?, in context: CommandContext) throws {
    guard let desk, let held = context.state.called(atDesk: desk, on: context.today).first else { return }
    throw GAIDeskError(.visitDeskBusy, held.ticket, desk)
  }

  /// Closes a visit with its topics, outcome and note; `extra` events (referrals, follow-ups) go in the same record.
  @discardableResult
  public func close(
    ticket: String, topics: [String], outcome: String?, note: String?, staff: String, extra: [Event] = []
  ) throws -> Visit {
    let id = try perform(staff: staff) { context in
      let visit = try Office.visit(ticket, in: context)
      guard visit.status == .waiting || visit.status == .called else {
        throw GAIDeskError(.visitClosed, visit.ticket)
      }
      guard !topics.isEmpty else { throw GAIDeskError(.visitNoTopic) }
      let event = Event.visitClosed(
        visitID: visit.id, topics: try Validation.topics(topics),
        outcome: try outcome.map {
          try Validation.text($0, field: "outcome", limit: 200, allowNewlines: false)
        },
        note: try note.map { try Validation.text($0, field: "note") })
      return Produced(value: visit.id, events: [event] + extra)
    }.value
    return state.visits[id]!
  }

  /// Marks a ticket as left without service.
  @discardableResult
  public func markLeft(ticket: String, staff: String) throws -> Visit {
    let id = try perform(staff: staff) { context in
      let visit = try Office.visit(ticket, in: context)
      guard visit.status == .waiting || visit.status == .called else {
        throw GAIDeskError(.visitClosed, visit.ticket)
      }
      return Produced(value: visit.id, events: [.visitLeft(visitID: visit.id)])
    }.value
    return state.visits[id]!
  }

  /// Undoes "left without service" of a ticket: it goes back to the queue as it was (waiting, or called to
  /// its desk). Allowed only while the leave is the last thing that happened to the visit and within
  /// ``VisitReopening/window`` of the wall time of the record that marked it.
  @discardableResult
  public func reopenLeft(ticket: String, staff: String) throws -> Visit {
    let id = try perform(staff: staff) { context in
      let visit = try Office.visit(ticket, in: context)
      guard visit.status == .left, let leftAt = visit.endedAt else {
        throw GAIDeskError(.visitNotLeft, visit.ticket)
      }
      guard VisitReopening.undoes(leftAt, visit: visit, at: context.stamp.wall) else {
        throw GAIDeskError(.visitReopenLate, visit.ticket, String(Int(VisitReopening.window / 60)))
      }
      return Produced(value: visit.id, events: [.visitReopened(visitID: visit.id, leftAt: leftAt)])
    }.value
    return state.visits[id]!
  }

  /// Undoes the call of a ticket called by mistake: it goes back to the queue as it was before that call
  /// (waiting in its place, its wait counted from its arrival to its next call). Allowed only while the visit
  /// is still called by that call (``VisitReturning``); `call`, when given (a serve screen's), must be it.
  @discardableResult
  public func returnToQueue(ticket: String, call: WallTime? = nil, staff: String) throws -> Visit {
    let id = try perform(staff: staff) { context in
      let visit = try Office.visit(ticket, in: context)
      guard VisitReturning.canReturn(visit), let calledAt = visit.calledAt else {
        throw GAIDeskError(.visitNotCalled, visit.ticket)
      }
      if let call, call != calledAt { throw GAIDeskError(.visitCallChanged, visit.ticket) }
      return Produced(value: visit.id, events: [.visitReturned(visitID: visit.id, calledAt: calledAt)])
    }.value
    return state.visits[id]!
  }

  /// The visit named by a ticket of today (`A-007`, `B-007`, `7`) or by its id. A bare number means this
  /// PC's ticket when it issued one, else the only ticket with that number. A ticket of the day before is
  /// found when today has none with that number: a visit that crossed midnight can still be closed, marked
  /// left, put back in the queue or have its leave undone.
  static func visit(_ reference: String, in context: CommandContext) throws -> Visit {
    if let visit = context.state.visits[reference] { return visit }
    let parts = reference.uppercased().split(separator: "-", maxSplits: 1).map(String.init)
    let letter = parts.count == 2 ? parts[0] : nil
    guard let number = Int(parts.last ?? "") else { throw GAIDeskError(.visitUnknown, reference) }
    let own = "T-" + context.stamp.origin.tag + "-"
    for day in [context.today, LocalTime.adding(days: -1, to: context.today)].compactMap({ $0 }) {
      let matches = context.state.visits(on: day).filter {
        $0.number == number && $0.office == context.office && (letter == nil || $0.letter == letter)
      }
      if let visit = matches.count == 1 ? matches.first : matches.first(where: { $0.id.hasPrefix(own) }) {
        return visit
      }
      guard matches.isEmpty else { break }
    }
    throw GAIDeskError(.visitUnknown, reference)
  }
}
