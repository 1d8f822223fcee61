import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// A visit closed now plans forward: its referrals' due dates and its follow-up are today or later. A date
/// already past is refused and nothing is recorded (a slip would tell the visitor to go before a day gone);
/// recording a paper referral afterwards (`refer`) still takes the date it had.
@Suite struct ClosingDatesTests {
  private static func visit(in dir: TemporaryDirectory) throws -> (Office, Visit) {
    let office = try TestOffice.make(in: dir)
    var form = VisitorForm(fullName: "Aminata Baldé")
    form.consentToShare = true
    return (office, try office.arrive(newVisitor: form, staff: "Ana").1)
  }

  @Test func aReferralDueBeforeTodayIsRefusedAndNothingIsRecorded() throws {
    let dir = TemporaryDirectory()
    let (office, visit) = try Self.visit(in: dir)
    let yesterday = try #require(LocalTime.adding(days: -1, to: visit.day))
    let records = office.state.recordCount
    let closing = VisitClosing(
      visit: visit.id, topics: ["residence.renewal"],
      referrals: [VisitClosing.Referral(partner: "def", topic: "residence.renewal", due: yesterday)])
    let error = #expect(throws: GAIDeskError.self) { try office.closeVisit(closing, staff: "Ana") }
    #expect(error?.key == "error.field.datePast")
    #expect(error?.args == ["due", yesterday, visit.day])
    #expect(office.state.recordCount == records)
    #expect(office.state.visits[visit.id]?.status == .waiting)
  }

  @Test func aFollowUpBeforeTodayIsRefused() throws {
    let dir = TemporaryDirectory()
    let (office, visit) = try Self.visit(in: dir)
    let lastWeek = try #require(LocalTime.adding(days: -7, to: visit.day))
    let closing = VisitClosing(visit: visit.id, topics: ["residence.renewal"], followUp: lastWeek)
    let error = #expect(throws: GAIDeskError.self) { try office.closeVisit(closing, staff: "Ana") }
    #expect(error?.args == ["follow-up", lastWeek, visit.day])
  }

  @Test func todayIsAcceptedAndAPaperReferralKeepsItsPastDate() throws {
    let dir = TemporaryDirectory()
    let (office, visit) = try Self.visit(in: dir)
    let closing = VisitClosing(
      visit: visit.id, topics: ["residence.renewal"],
      referrals: [VisitClosing.Referral(partner: "def", topic: "residence.renewal", due: visit.day)],
      followUp: visit.day)
    let closed = try office.closeVisit(closing, staff: "Ana")
    #expect(office.state.referrals[closed.referralIDs[0]]?.due == visit.day)
    let lastWeek = try #require(LocalTime.adding(days: -7, to: visit.day))
    let paper = try office.refer(
      visitorID: visit.visitorID, partner: "def", topic: "residence.renewal", due: lastWeek, note: nil,
      staff: "Ana")
    #expect(paper.due == lastWeek)
  }
}
