import Foundation
import GAIDesk
import Testing

@Suite("Front desk: knowledge sheets and referral slips")
struct FrontDeskSheetAndSlipTests {
  @Test("every topic has a shipped sheet in pt, en and fr whose partners exist")
  func shippedSheets() {
    let base = KnowledgeBase(state: OfficeState())
    let directory = PartnerDirectory(state: OfficeState())
    for topic in ReferenceData.shipped.topics {
      guard let sheet = base.sheet(topic.code) else {
        Issue.record("no sheet for \(topic.code)")
        continue
      }
      #expect(LocalTime.isDate(sheet.reviewed))
      for language in Language.allCases {
        let content = sheet.content(language)
        #expect(
          !content.ask.isEmpty && !content.documents.isEmpty && !content.tell.isEmpty,
          "\(topic.code) \(language)")
      }
      #expect(sheet.en != sheet.pt && sheet.fr != sheet.pt, "\(topic.code) translated")
      for code in sheet.partners { #expect(directory.partner(code) != nil, "\(topic.code): \(code)") }
    }
  }

  @Test("the shipped directory invents no contact: empty contacts are marked to confirm")
  func noInventedContacts() {
    for partner in PartnerDirectory.shipped {
      #expect(partner.hasContacts || partner.toConfirm, "\(partner.code)")
      #expect(!partner.topics.isEmpty && !partner.islands.isEmpty && !partner.languages.isEmpty)
      for topic in partner.topics {
        #expect(ReferenceData.shipped.topic(topic) != nil, "\(partner.code): \(topic)")
      }
    }
  }

  @Test("a supervisor's edit is the office's version, dated and signed, and survives reopening")
  func editSheet() throws {
    let f = try FrontDeskFixture()
    try f.addSupervisor("Supervisora Rosa")
    let shipped = try #require(f.office.knowledge.sheet("residence.renewal"))
    let edited = try f.office.updateSheet(topic: "residence.renewal", staff: "Supervisora Rosa") { sheet in
      var content = sheet.content(.english)
      content.documents = ["Passport", "Current residence permit"]
      sheet = sheet.setting(.english, to: content)
    }
    #expect(edited.reviewed == LocalTime.today())
    #expect(edited.reviewedBy == "Supervisora Rosa")
    #expect(edited.en.documents == ["Passport", "Current residence permit"])
    #expect(edited.pt == shipped.pt)
    let again = try f.reopen()
    #expect(again.knowledge.isEdited("residence.renewal"))
    #expect(again.knowledge.sheet("residence.renewal") == edited)
    #expect(!again.knowledge.isEdited("residence.first-permit"))
    #expect(throws: GAIDeskError(.partnerUnknown, "nobody")) {
      try f.office.updateSheet(topic: "residence.renewal", staff: "Supervisora Rosa") {
        $0.partners = ["nobody"]
      }
    }
  }

  @Test("slips in Portuguese, English and French: where to go and what to bring")
  func slips() throws {
    let f = try FrontDeskFixture()
    let id = try f.visitor("Ousmane Sarr", languages: ["wo", "fr"])
    let referral = try f.office.refer(
      visitorID: id, partner: "casa-do-direito", topic: "integration.legal-aid", due: "2030-01-31", note: nil,
      staff: "Ana")
    let sheet = try #require(f.office.knowledge.sheet("integration.legal-aid"))
    // Default: the visitor's first language among pt/en/fr (here French).
    let french = try ReferralSlip.make(referralID: referral.id, state: f.office.state)
    #expect(french.language == .french)
    #expect(french.documents == sheet.fr.documents)
    #expect(french.text.contains("BON D'ORIENTATION"))
    #expect(french.text.contains("Casa do Direito"))
    #expect(french.text.contains("à confirmer"))
    // Days as people read them: dd/mm/aaaa in French and Portuguese, as typed in the forms.
    #expect(french.text.contains("31/01/2030") && !french.text.contains("2030-01-31"))
    let created = LocalTime.day(try #require(f.office.state.referrals[referral.id]).createdAt)
    #expect(french.text.contains(LocalTime.shown(created, language: .french)))
    #expect(
      try ReferralSlip.make(referralID: referral.id, state: f.office.state, language: .portuguese).text
        .contains(
          "Apresente-se até: 31/01/2030"))
    for (language, title, bring) in [
      (Language.portuguese, "GUIA DE ENCAMINHAMENTO", "O que levar:"),
      (.english, "REFERRAL SLIP", "What to bring:"),
    ] {
      let slip = try ReferralSlip.make(referralID: referral.id, state: f.office.state, language: language)
      #expect(slip.lines.first == title)
      #expect(slip.lines.contains(bring))
      #expect(slip.documents == sheet.content(language).documents)
      #expect(slip.contactsToConfirm)
      #expect(slip.topic == ReferenceData.shipped.topic("integration.legal-aid")!.label(language))
    }
    // Known contacts are printed; confirmed ones lose the "to confirm" line.
    try f.office.updatePartner("casa-do-direito", staff: "Ana") {
      $0.phone = "+238 261 00 00"; $0.toConfirm = false
    }
    let english = try ReferralSlip.make(referralID: referral.id, state: f.office.state, language: .english)
    #expect(english.contacts == ["Phone: +238 261 00 00"])
    #expect(!english.contactsToConfirm)
    #expect(!english.text.contains("Contacts and opening hours to confirm"))
  }
}
