import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// A visitor holds one open ticket at a time: a second ticket while the first still waits or is being served
/// is refused unless asked for on purpose (`again`), whichever of the person's merged records holds it.
@Suite struct SecondTicketTests {
  @Test func aSecondTicketWhileTheFirstWaitsIsRefusedAndNothingIsRecorded() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let (visitor, first) = try office.arrive(newVisitor: VisitorForm(fullName: "Aminata Baldé"), staff: "Ana")
    let records = office.state.recordCount
    let error = #expect(throws: GAIDeskError.self) { try office.arrive(visitorID: visitor.id, staff: "Ana") }
    #expect(error?.key == "error.visitor.inQueue")
    #expect(error?.args.first == first.ticket)
    #expect(office.state.recordCount == records)
    // Still refused once called: the ticket is being served.
    _ = try office.call(ticket: first.ticket, desk: "1", staff: "Ana")
    #expect(throws: GAIDeskError.self) { try office.arrive(visitorID: visitor.id, staff: "Ana") }
    // Asked for on purpose, a second ticket is issued.
    let second = try office.arrive(visitorID: visitor.id, staff: "Ana", again: true)
    #expect(second.ticket != first.ticket)
    #expect(
      office.state.openTickets(of: visitor.id, on: first.day).map(\.ticket) == [first.ticket, second.ticket])
  }

  @Test func onceTheTicketIsClosedOrLeftANewOneIsIssuedWithoutAsking() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let (visitor, first) = try office.arrive(newVisitor: VisitorForm(fullName: "Aminata Baldé"), staff: "Ana")
    try office.closeVisit(VisitClosing(visit: first.ticket, topics: ["residence.renewal"]), staff: "Ana")
    let second = try office.arrive(visitorID: visitor.id, staff: "Ana")
    _ = try office.markLeft(ticket: second.ticket, staff: "Ana")
    _ = try office.arrive(visitorID: visitor.id, staff: "Ana")
    #expect(office.state.openTickets(of: visitor.id, on: first.day).count == 1)
  }

  @Test func aTicketHeldByAMergedRecordCounts() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let kept = try office.registerVisitor(VisitorForm(fullName: "João Gonçalves"), staff: "Ana")
    let (other, ticket) = try office.arrive(newVisitor: VisitorForm(fullName: "Joao Goncalves"), staff: "Ana")
    try office.mergeVisitors(keep: kept.id, other: other.id, staff: "Ana")
    let error = #expect(throws: GAIDeskError.self) { try office.arrive(visitorID: kept.id, staff: "Ana") }
    #expect(error?.args.first == ticket.ticket)
  }
}
