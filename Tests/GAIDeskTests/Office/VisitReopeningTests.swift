import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// Undoing "left without service": within 10 minutes of wall time of the leave, only while nothing else
/// happened to the visit; the visit goes back as it was, and the undo survives reopening the office.
@Suite struct VisitReopeningTests {
  /// An office whose clock reads `clock` (seconds after a fixed morning), with one waiting ticket.
  private func office(_ dir: TemporaryDirectory, clock: ClockBox) throws -> (Office, Visit) {
    let office = try TestOffice.make(in: dir)
    try TestOffice.join(office, "Bruno")
    office.now = { clock.date }
    let (_, visit) = try office.arrive(newVisitor: VisitorForm(fullName: "Aminata Baldé"), staff: "Ana")
    return (office, visit)
  }

  /// A settable clock the office reads.
  final class ClockBox: @unchecked Sendable {
    var date = Date(timeIntervalSince1970: 1_796_043_600)  // 2026-12-01 12:00 UTC, 11:00 in Praia
    func advance(_ seconds: Double) { date += seconds }
  }

  @Test func aLeaveIsUndoneWithinTenMinutesAndTheTicketWaitsAgain() throws {
    let dir = TemporaryDirectory()
    let clock = ClockBox()
    let (office, visit) = try office(dir, clock: clock)
    clock.advance(60)
    try office.markLeft(ticket: visit.ticket, staff: "Ana")
    #expect(office.state.visits[visit.id]?.status == .left)
    clock.advance(9 * 60 + 59)
    let reopened = try office.reopenLeft(ticket: visit.ticket, staff: "Bruno")
    #expect(reopened.status == .waiting)
    #expect(reopened.endedAt == nil)
    #expect(try TestOffice.reopen(dir).state.visits[visit.id]?.status == .waiting)
    // Served after all: the ticket closes as any other.
    try office.close(
      ticket: visit.ticket, topics: ["residence.renewal"], outcome: nil, note: nil, staff: "Ana")
    #expect(office.state.visits[visit.id]?.status == .done)
  }

  @Test func aCalledVisitGoesBackToItsDesk() throws {
    let dir = TemporaryDirectory()
    let clock = ClockBox()
    let (office, visit) = try office(dir, clock: clock)
    _ = try office.call(ticket: visit.ticket, desk: "3", staff: "Ana")
    try office.markLeft(ticket: visit.ticket, staff: "Ana")
    clock.advance(30)
    let reopened = try office.reopenLeft(ticket: visit.ticket, staff: "Ana")
    #expect(reopened.status == .called)
    #expect(reopened.desk == "3")
  }

  @Test func afterTenMinutesTheUndoIsRefusedAndNothingIsWritten() throws {
    let dir = TemporaryDirectory()
    let clock = ClockBox()
    let (office, visit) = try office(dir, clock: clock)
    try office.markLeft(ticket: visit.ticket, staff: "Ana")
    clock.advance(10 * 60 + 1)
    let records = office.state.recordCount
    #expect(throws: GAIDeskError(.visitReopenLate, visit.ticket, "10")) {
      try office.reopenLeft(ticket: visit.ticket, staff: "Ana")
    }
    #expect(office.state.recordCount == records)
    #expect(office.state.visits[visit.id]?.status == .left)
  }

  @Test func onlyALeftVisitIsReopenedAndOnlyOncePerLeave() throws {
    let dir = TemporaryDirectory()
    let clock = ClockBox()
    let (office, visit) = try office(dir, clock: clock)
    #expect(throws: GAIDeskError(.visitNotLeft, visit.ticket)) {
      try office.reopenLeft(ticket: visit.ticket, staff: "Ana")
    }
    try office.markLeft(ticket: visit.ticket, staff: "Ana")
    try office.reopenLeft(ticket: visit.ticket, staff: "Ana")
    #expect(throws: GAIDeskError(.visitNotLeft, visit.ticket)) {
      try office.reopenLeft(ticket: visit.ticket, staff: "Ana")
    }
    // A second leave is its own: undone within 10 minutes of it, not of the first.
    clock.advance(15 * 60)
    try office.markLeft(ticket: visit.ticket, staff: "Ana")
    clock.advance(5 * 60)
    #expect(try office.reopenLeft(ticket: visit.ticket, staff: "Ana").status == .waiting)
  }

  @Test func theFoldIgnoresAReopeningOfAnotherLeaveOrOneWrittenTooLate() {
    var state = OfficeState()
    let base = WallTime(milliseconds: 1_796_043_600_000)
    func at(_ seconds: UInt64) -> WallTime { WallTime(milliseconds: base.milliseconds + seconds * 1000) }
    func apply(_ seconds: UInt64, _ event: Event) {
      state.apply(EventBatch(staff: "Ana", office: "praia", events: [event]), time: at(seconds))
    }
    apply(0, .visitorRegistered(Visitor(id: "V-1", fullName: "Ana Lopes")))
    apply(0, .visitArrived(visitID: "T-1", visitorID: "V-1", day: "2026-12-01", number: 1))
    apply(60, .visitLeft(visitID: "T-1"))
    // Names a leave that is not the visit's: nothing changes.
    apply(70, .visitReopened(visitID: "T-1", leftAt: at(59)))
    #expect(state.visits["T-1"]?.status == .left)
    // Written more than 10 minutes after the leave: nothing changes.
    apply(60 + 601, .visitReopened(visitID: "T-1", leftAt: at(60)))
    #expect(state.visits["T-1"]?.status == .left)
    apply(60 + 600, .visitReopened(visitID: "T-1", leftAt: at(60)))
    #expect(state.visits["T-1"]?.status == .waiting)
  }
}
