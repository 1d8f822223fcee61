import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// A slip the visitor carries home may be read by someone else: for a topic that could put them at risk
/// (gender-based violence, trafficking, child protection, exploitation) it names neither the topic nor the
/// documents that would tell it; where to go is still on it, and the desk explains the rest.
@Suite struct DiscreetSlipTests {
  static let discreet = [
    "integration.gender-violence", "integration.trafficking", "integration.child-protection",
    "integration.exploitation",
  ]

  @Test(arguments: discreet) func aSensitiveTopicStaysOffTheSlip(topic: String) throws {
    let f = try FrontDeskFixture()
    let id = try f.visitor("Maria Lopes", languages: ["pt"])
    let partner = try #require(PartnerDirectory(state: f.office.state).active(topic: topic).first)
    let referral = try f.office.refer(
      visitorID: id, partner: partner.code, topic: topic, due: nil, note: nil, staff: "Ana")
    let sheet = try #require(f.office.knowledge.sheet(topic))
    for language in Language.allCases {
      let slip = try ReferralSlip.make(referralID: referral.id, state: f.office.state, language: language)
      let label = try #require(ReferenceData.shipped.topic(topic)).label(language)
      #expect(!slip.text.contains(label), "\(language): \(slip.text)")
      for document in sheet.content(language).documents {
        #expect(!slip.text.contains(document), "\(language): \(document)")
      }
      #expect(slip.text.contains(partner.name))
      #expect(slip.text.contains(Strings.shared.text("slip.discreet", language: language)))
    }
  }

  @Test func otherTopicsKeepTheirSubjectAndDocuments() throws {
    let f = try FrontDeskFixture()
    let id = try f.visitor("Maria Lopes", languages: ["pt"])
    let referral = try f.office.refer(
      visitorID: id, partner: "def", topic: "residence.renewal", due: nil, note: nil, staff: "Ana")
    let slip = try ReferralSlip.make(referralID: referral.id, state: f.office.state, language: .portuguese)
    #expect(slip.text.contains(try #require(ReferenceData.shipped.topic("residence.renewal")).pt))
    #expect(!slip.text.contains(Strings.shared.text("slip.discreet", language: .portuguese)))
  }
}
