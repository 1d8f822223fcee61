import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// Closing a visit refers only for the visit's own topics: a referral under a topic not among them is
/// refused and nothing is recorded.
@Suite struct ReferralTopicRuleTests {
  @Test func aReferralForATopicTheVisitDidNotCoverIsRefused() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    var form = VisitorForm(fullName: "Aminata Baldé")
    form.consentToShare = true
    let (_, visit) = try office.arrive(newVisitor: form, staff: "Ana")
    let records = office.state.recordCount
    let closing = VisitClosing(
      visit: visit.id, topics: ["integration.health"],
      referrals: [VisitClosing.Referral(partner: "def", topic: "residence.renewal")])
    let error = #expect(throws: GAIDeskError.self) { try office.closeVisit(closing, staff: "Ana") }
    #expect(error?.key == "error.visit.referralTopic")
    #expect(office.state.recordCount == records)
    #expect(office.state.visits[visit.id]?.status == .waiting)
  }
}
