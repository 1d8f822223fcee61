import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// A serve screen left open names the call it serves: once that call no longer holds (the ticket was put
/// back in the queue, or called again, here or at another desk), closing or returning it through that call
/// is refused and nothing is recorded.
@Suite struct StaleCallTests {
  /// A clock one second later at every reading, from 2026-12-01 11:00 in Praia.
  final class TickingClock: @unchecked Sendable {
    private var date = Date(timeIntervalSince1970: 1_796_043_600)
    func next() -> Date {
      date += 1
      return date
    }
  }

  /// An office with Bruno at a second desk and one ticket called to desk 1 by Ana; the call's time.
  private func calledOffice(_ dir: TemporaryDirectory) throws -> (Office, Visit, WallTime) {
    let office = try TestOffice.make(in: dir)
    try TestOffice.join(office, "Bruno")
    let clock = TickingClock()
    office.now = { clock.next() }
    let (_, visit) = try office.arrive(newVisitor: VisitorForm(fullName: "Aminata Baldé"), staff: "Ana")
    let called = try office.call(ticket: visit.ticket, desk: "1", staff: "Ana")
    return (office, called, try #require(called.calledAt))
  }

  private func closing(_ visit: Visit, call: WallTime) -> VisitClosing {
    VisitClosing(visit: visit.id, topics: ["residence.renewal"], call: call)
  }

  @Test func closingThroughACallPutBackInTheQueueIsRefused() throws {
    let dir = TemporaryDirectory()
    let (office, visit, call) = try calledOffice(dir)
    try office.returnToQueue(ticket: visit.ticket, staff: "Bruno")
    let records = office.state.recordCount
    let error = #expect(throws: GAIDeskError.self) {
      try office.closeVisit(closing(visit, call: call), staff: "Ana")
    }
    #expect(error?.key == "error.visit.callChanged")
    #expect(office.state.recordCount == records)
    #expect(office.state.visits[visit.id]?.status == .waiting)
  }

  @Test func closingThroughACallTheTicketWasCalledAgainSinceIsRefused() throws {
    let dir = TemporaryDirectory()
    let (office, visit, call) = try calledOffice(dir)
    try office.returnToQueue(ticket: visit.ticket, staff: "Bruno")
    _ = try office.call(ticket: visit.ticket, desk: "2", staff: "Bruno")
    #expect(throws: GAIDeskError.self) { try office.closeVisit(closing(visit, call: call), staff: "Ana") }
    // Returning it through the old call is refused too: Bruno's call stands.
    let error = #expect(throws: GAIDeskError.self) {
      try office.returnToQueue(ticket: visit.ticket, call: call, staff: "Ana")
    }
    #expect(error?.key == "error.visit.callChanged")
    let now = try #require(office.state.visits[visit.id])
    #expect(now.status == .called && now.desk == "2" && now.servedBy == "Bruno")
    // Bruno closes it.
    try office.closeVisit(
      VisitClosing(visit: visit.id, topics: ["residence.renewal"], call: try #require(now.calledAt)),
      staff: "Bruno")
    #expect(office.state.visits[visit.id]?.status == .done)
  }

  @Test func closingThroughTheCallThatHoldsWorks() throws {
    let dir = TemporaryDirectory()
    let (office, visit, call) = try calledOffice(dir)
    try office.closeVisit(closing(visit, call: call), staff: "Ana")
    #expect(office.state.visits[visit.id]?.status == .done)
  }
}
