import Foundation
import GAIDesk
import Testing

@testable import GAIDeskApp

/// The interface closes visits through the core's one command: the core's date bounds and the note's
/// language apply, whatever the screen typed.
@Suite("Closing a visit through the core")
struct CloseVisitTests {
  func served(_ runtime: AppRuntime) throws -> String {
    var form = VisitorForm(fullName: "Aminata Baldé")
    form.consentToShare = true
    guard case .done(_, _, let visitID?, _, _) = runtime.perform(.arriveNew(form), staff: "Ana") else {
      throw GAIDeskError(.uiFailed, "no arrival")
    }
    return visitID
  }

  @Test("a follow-up date the core refuses is refused on the screen's path too")
  func followUpBounds() throws {
    let (runtime, root) = try #require(Fixture.runtimeWithNewOffice())
    defer { try? FileManager.default.removeItem(atPath: root) }
    let visitID = try served(runtime)
    let closing = VisitClosing(visit: visitID, topics: ["residence.renewal"], followUp: "1999-01-01")
    guard case .failed(_, let error) = runtime.perform(.close(closing), staff: "Ana") else {
      Issue.record("a follow-up in 1999 was accepted")
      return
    }
    #expect(error.key == "error.field.dateRange")
    #expect(runtime.office?.state.visits[visitID]?.status == .waiting)
  }

  @Test("a referral due yesterday is refused with the days as the desk writes them, and the visit stays open")
  func pastDueRefused() throws {
    let (runtime, root) = try #require(Fixture.runtimeWithNewOffice())
    defer { try? FileManager.default.removeItem(atPath: root) }
    let visitID = try served(runtime)
    let today = LocalTime.today()
    let yesterday = try #require(LocalTime.adding(days: -1, to: today))
    let closing = VisitClosing(
      visit: visitID, topics: ["residence.renewal"],
      referrals: [VisitClosing.Referral(partner: "def", topic: "residence.renewal", due: yesterday)])
    guard case .failed(_, let error) = runtime.perform(.close(closing), staff: "Ana") else {
      Issue.record("a referral due yesterday was accepted")
      return
    }
    let message = Translator(.portuguese).error(error)
    #expect(message.contains("prazo") && message.contains(LocalTime.shown(yesterday, language: .portuguese)))
    #expect(message.contains("já passou"), "\(message)")
    #expect(runtime.office?.state.visits[visitID]?.status == .waiting)
  }

  @Test("the follow-up's note is in the interface language, and every referral asked for is made")
  func noteLanguageAndReferrals() throws {
    let (runtime, root) = try #require(Fixture.runtimeWithNewOffice())
    defer { try? FileManager.default.removeItem(atPath: root) }
    let visitID = try served(runtime)
    let today = LocalTime.today()
    let closing = VisitClosing(
      visit: visitID, topics: ["residence.renewal", "integration.health"],
      referrals: [
        VisitClosing.Referral(partner: "def", topic: "residence.renewal"),
        VisitClosing.Referral(partner: "centro-saude", topic: "integration.health"),
      ],
      followUp: LocalTime.adding(days: 7, to: today), language: .english)
    let office = try #require(runtime.office)
    let closed = try office.closeVisit(closing, staff: "Ana")
    #expect(closed.referralIDs.count == 2)
    let note = try #require(closed.followUpID.flatMap { office.state.followUps[$0]?.note })
    #expect(
      note
        == [
          ReferenceData.shipped.topic("residence.renewal")!.en,
          ReferenceData.shipped.topic("integration.health")!.en,
        ].joined(separator: "; "))
  }
}
