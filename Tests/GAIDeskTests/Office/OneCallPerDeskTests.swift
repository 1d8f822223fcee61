import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// A desk serves one person at a time: calling another ticket to a desk that still has one called (being
/// served, or called and not yet come) is refused unless asked for on purpose (`again`), and says which
/// ticket the desk holds.
@Suite struct OneCallPerDeskTests {
  private static func office(tickets: Int, in dir: TemporaryDirectory) throws -> (Office, [Visit]) {
    let office = try TestOffice.make(in: dir)
    let names = ["Aminata Baldé", "Kossi Mensah", "Fatou Diallo", "Ibrahima Sow"]
    let visits = try names.prefix(tickets).map {
      try office.arrive(newVisitor: VisitorForm(fullName: $0), staff: "Ana").1
    }
    return (office, visits)
  }

  @Test func callingAnotherTicketToADeskThatHoldsOneIsRefusedAndNothingIsRecorded() throws {
    let dir = TemporaryDirectory()
    let (office, visits) = try Self.office(tickets: 3, in: dir)
    let held = try office.callNext(desk: "1", staff: "Ana")
    #expect(held.ticket == visits[0].ticket)
    let records = office.state.recordCount
    let next = #expect(throws: GAIDeskError.self) { try office.callNext(desk: "1", staff: "Ana") }
    #expect(next?.key == "error.visit.deskBusy")
    #expect(next?.args == [held.ticket, "1"])
    let chosen = #expect(throws: GAIDeskError.self) {
      try office.call(ticket: visits[2].ticket, desk: "1", staff: "Ana")
    }
    #expect(chosen?.key == "error.visit.deskBusy")
    #expect(office.state.recordCount == records)
    #expect(office.state.visits[visits[1].id]?.status == .waiting)
  }

  @Test func anotherDeskOrNoDeskIsNotHeld() throws {
    let dir = TemporaryDirectory()
    let (office, visits) = try Self.office(tickets: 3, in: dir)
    _ = try office.callNext(desk: "1", staff: "Ana")
    #expect(try office.callNext(desk: "2", staff: "Ana").ticket == visits[1].ticket)
    #expect(try office.call(ticket: visits[2].ticket, desk: nil, staff: "Ana").status == .called)
  }

  @Test func askedForOnPurposeTheDeskCallsASecondTicket() throws {
    let dir = TemporaryDirectory()
    let (office, visits) = try Self.office(tickets: 3, in: dir)
    _ = try office.callNext(desk: "1", staff: "Ana")
    let second = try office.callNext(desk: "1", staff: "Ana", again: true)
    #expect(second.ticket == visits[1].ticket)
    let third = try office.call(ticket: visits[2].ticket, desk: "1", staff: "Ana", again: true)
    #expect(third.desk == "1")
    #expect(office.state.called(atDesk: "1", on: visits[0].day).map(\.ticket) == visits.map(\.ticket))
  }

  @Test func onceTheHeldTicketIsClosedLeftOrReturnedTheDeskCallsWithoutAsking() throws {
    let dir = TemporaryDirectory()
    let (office, visits) = try Self.office(tickets: 4, in: dir)
    _ = try office.callNext(desk: "1", staff: "Ana")
    try office.closeVisit(VisitClosing(visit: visits[0].ticket, topics: ["residence.renewal"]), staff: "Ana")
    _ = try office.callNext(desk: "1", staff: "Ana")
    _ = try office.markLeft(ticket: visits[1].ticket, staff: "Ana")
    let third = try office.callNext(desk: "1", staff: "Ana")
    _ = try office.returnToQueue(ticket: third.ticket, staff: "Ana")
    #expect(try office.callNext(desk: "1", staff: "Ana").ticket == visits[2].ticket)
  }
}
