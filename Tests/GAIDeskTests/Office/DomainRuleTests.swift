import Crypto
import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

@Suite struct DomainRuleTests {
  private func visitorWithConsent(_ office: Office) throws -> Visitor {
    var form = VisitorForm(fullName: "Fatoumata Diallo")
    form.consentToShare = true
    form.nationality = "GN"
    return try office.registerVisitor(form, staff: "Ana")
  }

  @Test func referralsFollowOnlyValidTransitions() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    try TestOffice.join(office, "Bruno")
    let visitor = try visitorWithConsent(office)
    let referral = try office.refer(
      visitorID: visitor.id, partner: "def", topic: "residence.renewal",
      due: LocalTime.adding(days: 7, to: LocalTime.today()), note: nil, staff: "Ana")
    #expect(referral.status == .created)
    #expect(throws: GAIDeskError.self) {
      try office.setReferral(referral.id, status: .completed, note: nil, staff: "Ana")
    }
    try office.setReferral(referral.id, status: .sent, note: nil, staff: "Ana")
    #expect(throws: GAIDeskError(.referralReason, "rejected")) {
      try office.setReferral(referral.id, status: .rejected, note: nil, staff: "Ana")
    }
    let rejected = try office.setReferral(
      referral.id, status: .rejected, reason: .partnerCapacity, note: "full", staff: "Bruno")
    #expect(
      rejected.status == .rejected && rejected.history.last?.reason == .partnerCapacity
        && rejected.history.last?.by == "Bruno")
    #expect(throws: GAIDeskError.self) {
      try office.setReferral(referral.id, status: .sent, note: nil, staff: "Ana")
    }
    for status in ReferralStatus.allCases where status.isClosed { #expect(status.next.isEmpty) }
    #expect(
      try TestOffice.reopen(dir).state.referrals[referral.id]?.history.map(\.status) == [
        .created, .sent, .rejected,
      ])
  }

  @Test func referralNeedsConsentToShare() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let visitor = try office.registerVisitor(VisitorForm(fullName: "Moussa Diop"), staff: "Ana")
    #expect(throws: GAIDeskError(.consentShare, visitor.id)) {
      try office.refer(
        visitorID: visitor.id, partner: "def", topic: "residence.renewal", due: nil, note: nil, staff: "Ana")
    }
    try office.recordConsent(visitorID: visitor.id, store: true, share: true, staff: "Ana")
    #expect(office.state.visitors[visitor.id]?.consentToShare?.recordedBy == "Ana")
    _ = try office.refer(
      visitorID: visitor.id, partner: "def", topic: "residence.renewal", due: nil, note: nil, staff: "Ana")
  }

  @Test func overdueMeansPastDueAndStillOpen() {
    var referral = Referral(
      id: "R-1", visitorID: "V-1", partner: "def", topic: "residence.renewal", due: "2026-11-10", note: nil,
      visitID: nil, createdAt: WallTime(milliseconds: 1), createdBy: "A")
    #expect(referral.isOverdue(endOf: "2026-11-11"))
    #expect(!referral.isOverdue(endOf: "2026-11-10"))
    referral.history.append(
      ReferralChange(status: .cancelled, reason: nil, note: nil, at: WallTime(milliseconds: 2), by: "A"))
    #expect(!referral.isOverdue(endOf: "2026-12-01"))
  }

  @Test func queueIssuesDailyTicketsAndCallsTheLongestWaiting() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    office.now = { TestOffice.morning }  // both tickets on one day, whenever the test runs
    try TestOffice.join(office, "Bruno")
    let (_, first) = try office.arrive(newVisitor: VisitorForm(fullName: "Ngozi Okafor"), staff: "Ana")
    let (_, second) = try office.arrive(newVisitor: VisitorForm(fullName: "王小明"), staff: "Ana")
    #expect(first.ticket == "A-001" && second.ticket == "A-002")
    let called = try office.callNext(desk: "2", staff: "Bruno")
    #expect(called.id == first.id && called.desk == "2" && called.servedBy == "Bruno")
    #expect(throws: GAIDeskError.self) {
      try office.close(ticket: "A-001", topics: [], outcome: nil, note: nil, staff: "Bruno")
    }
    #expect(throws: GAIDeskError.self) {
      try office.close(ticket: "A-001", topics: ["made.up"], outcome: nil, note: nil, staff: "Bruno")
    }
    let done = try office.close(
      ticket: "A-001", topics: ["residence.renewal"], outcome: "informed", note: nil, staff: "Bruno")
    #expect(done.status == .done && done.topics == ["residence.renewal"])
    let left = try office.markLeft(ticket: "A-002", staff: "Ana")
    #expect(left.status == .left)
    #expect(throws: GAIDeskError(.queueEmpty)) { try office.callNext(desk: nil, staff: "Ana") }
  }

  @Test func absurdValuesAreRefusedAndNothingIsWritten() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let before = office.state.recordCount
    var future = VisitorForm(fullName: "A B")
    future.birthYear = 2999
    var ancient = VisitorForm(fullName: "A B")
    ancient.birthYear = 1850
    var nationality = VisitorForm(fullName: "A B")
    nationality.nationality = "ZZ"
    var phone = VisitorForm(fullName: "A B")
    phone.phone = "call me"
    for form in [
      VisitorForm(fullName: "   "), VisitorForm(fullName: "Bad\u{7}Name"),
      VisitorForm(fullName: "Jo\u{FFFD}o Silva"), future, ancient, nationality, phone,
      VisitorForm(fullName: String(repeating: "x", count: 500)),
    ] {
      #expect(throws: GAIDeskError.self) { try office.registerVisitor(form, staff: "Ana") }
    }
    let visitor = try office.registerVisitor(VisitorForm(fullName: "Ok"), staff: "Ana")
    #expect(throws: GAIDeskError.self) {
      try office.addFollowUp(
        visitorID: visitor.id, on: LocalTime.adding(days: 7, to: LocalTime.today())!,
        note: String(repeating: "n", count: 5000), staff: "Ana")
    }
    #expect(throws: GAIDeskError.self) {
      try office.addFollowUp(visitorID: visitor.id, on: "tomorrow", note: "x", staff: "Ana")
    }
    #expect(office.state.recordCount == before + 1)
    #expect(try TestOffice.reopen(dir).state.recordCount == before + 1)
  }

  @Test func noPersonalDataIsWrittenInPlaintext() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    var form = VisitorForm(fullName: "Aissatu Embaló Sanhá")
    form.phone = "+238 991 77 31"
    form.document = IdentityDocument(type: "passport", number: "GWX4417923")
    form.consentToShare = true
    let visitor = try office.registerVisitor(form, staff: "Ana")
    try office.addFollowUp(
      visitorID: visitor.id, on: LocalTime.adding(days: 25, to: LocalTime.today())!,
      note: "Secret note about Aissatu", staff: "Ana")
    office.saveSnapshot()
    var everything = Data()
    let walker = FileManager.default.enumerator(atPath: dir.path)!
    for case let name as String in walker {
      if let data = FileManager.default.contents(atPath: dir.path + "/" + name) { everything.append(data) }
    }
    #expect(everything.count > 1000)
    for needle in ["Aissatu", "Embal", "991 77 31", "GWX4417923", "Secret note"] {
      #expect(everything.range(of: Data(needle.utf8)) == nil, "found \(needle) in plaintext")
    }
  }

  @Test func anotherOfficesKeyCannotReadTheJournal() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 2)
    let other = Keyring(masterKey: .init(size: .bits256))
    let report = try JournalVerifier(root: dir.path + "/journal", keyring: other).run()
    #expect(!report.isIntact && report.records == 0)
  }
}
