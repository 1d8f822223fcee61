import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// A visit still waiting or being served at local midnight (Cabo Verde, UTC−1) stays in the queue of the new
/// day until it is closed or marked left: it is called first, found by its ticket, and counted on the day it
/// arrived.
@Suite struct MidnightQueueTests {
  /// Local time `hour`:`minute` on `day` in Praia.
  private static func at(_ day: String, _ hour: Int, _ minute: Int) -> Date {
    FrontDeskFixture.date(day, hour, minute)
  }

  @Test func aTicketWaitingAtMidnightIsCalledFirstTheNextDay() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    office.now = { Self.at("2030-03-10", 23, 50) }
    let (_, late) = try office.arrive(newVisitor: VisitorForm(fullName: "Aminata Baldé"), staff: "Ana")
    office.now = { Self.at("2030-03-11", 0, 5) }
    let (_, early) = try office.arrive(newVisitor: VisitorForm(fullName: "Kofi Mensah"), staff: "Ana")

    #expect(office.state.queue(on: "2030-03-11").map(\.id) == [late.id, early.id])
    #expect(try office.callNext(desk: "1", staff: "Ana").id == late.id)
    #expect(try office.callNext(desk: "2", staff: "Ana").id == early.id)
    #expect(DayReport(state: office.state, day: "2030-03-10").ticketsIssued == 1)
    #expect(DayReport(state: office.state, day: "2030-03-11").ticketsIssued == 1)
  }

  @Test func aVisitBeingServedAtMidnightIsClosedByItsTicketAfterIt() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    office.now = { Self.at("2030-03-10", 23, 40) }
    let (_, served) = try office.arrive(newVisitor: VisitorForm(fullName: "Aminata Baldé"), staff: "Ana")
    let (_, waiting) = try office.arrive(newVisitor: VisitorForm(fullName: "Moussa Diop"), staff: "Ana")
    try office.call(ticket: served.ticket, desk: "1", staff: "Ana")
    office.now = { Self.at("2030-03-11", 0, 10) }

    let closed = try office.close(
      ticket: served.ticket, topics: ["residence.renewal"], outcome: nil, note: nil, staff: "Ana")
    #expect(closed.id == served.id && closed.status == .done)
    try office.markLeft(ticket: waiting.ticket, staff: "Ana")
    #expect(try office.reopenLeft(ticket: waiting.ticket, staff: "Ana").status == .waiting)
    #expect(DayReport(state: office.state, day: "2030-03-10").served == 1)
    // Today's own ticket with the same number comes first; yesterday's closed visits leave the queue.
    let (_, today) = try office.arrive(newVisitor: VisitorForm(fullName: "Kofi Mensah"), staff: "Ana")
    #expect(today.ticket == served.ticket)
    #expect(try office.call(ticket: today.ticket, desk: "2", staff: "Ana").id == today.id)
    #expect(office.state.queue(on: "2030-03-11").map(\.id) == [waiting.id, today.id])
  }

  @Test func onlyTheDayBeforeCarriesOver() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    office.now = { Self.at("2030-03-09", 16, 0) }
    let (_, forgotten) = try office.arrive(newVisitor: VisitorForm(fullName: "Aminata Baldé"), staff: "Ana")
    office.now = { Self.at("2030-03-11", 9, 0) }
    #expect(office.state.queue(on: "2030-03-11").isEmpty)
    #expect(throws: GAIDeskError.self) { try office.markLeft(ticket: forgotten.ticket, staff: "Ana") }
  }
}
