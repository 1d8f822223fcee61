import Foundation
import GAIDesk
import Testing

@Suite("Front desk: partners, consent and routing")
struct FrontDeskRoutingTests {
  @Test("a referral needs consent to share, a known partner and an active one")
  func referralChecks() throws {
    let f = try FrontDeskFixture()
    let noConsent = try f.visitor("Adama Embaló", share: nil)
    let refused = try f.visitor("Braima Sanhá", share: false)
    let ok = try f.visitor("Sadjo Camará", share: true)
    #expect(throws: GAIDeskError(.consentShare, noConsent)) {
      try f.office.refer(
        visitorID: noConsent, partner: "def", topic: "residence.renewal", due: nil, note: nil, staff: "Ana")
    }
    #expect(throws: GAIDeskError(.consentShare, refused)) {
      try f.office.refer(
        visitorID: refused, partner: "def", topic: "residence.renewal", due: nil, note: nil, staff: "Ana")
    }
    #expect(throws: GAIDeskError(.partnerUnknown, "nowhere")) {
      try f.office.refer(
        visitorID: ok, partner: "nowhere", topic: "residence.renewal", due: nil, note: nil, staff: "Ana")
    }
    try f.addPerson("Carlos")
    try f.office.recordConsent(visitorID: noConsent, store: nil, share: true, staff: "Carlos")
    #expect(f.office.state.visitors[noConsent]?.consentToShare?.recordedBy == "Carlos")
    #expect(
      try f.office.refer(
        visitorID: noConsent, partner: "def", topic: "residence.renewal", due: nil, note: nil, staff: "Ana"
      ).partner == "def")
    try f.office.retirePartner("def", staff: "Ana")
    #expect(throws: GAIDeskError(.partnerRetired, "def")) {
      try f.office.refer(
        visitorID: ok, partner: "def", topic: "residence.renewal", due: nil, note: nil, staff: "Ana")
    }
  }

  @Test("the office adds, edits and retires partners as journal events")
  func directoryEdits() throws {
    let f = try FrontDeskFixture()
    #expect(f.office.partners.all.count == PartnerDirectory.shipped.count)
    var partner = Partner(
      code: "assoc-praia", name: "Associação de Teste", topics: ["integration.associations"],
      islands: ["santiago"], languages: ["pt", "fr"])
    partner.note = LocalizedText(pt: "Nota")
    try f.office.addPartner(partner, staff: "Ana")
    #expect(throws: GAIDeskError(.partnerExists, "def")) {
      try f.office.addPartner(Partner(code: "def", name: "Duplicate"), staff: "Ana")
    }
    #expect(throws: GAIDeskError(.fieldTopic, "nope.topic")) {
      try f.office.addPartner(Partner(code: "x-y", name: "X", topics: ["nope.topic"]), staff: "Ana")
    }
    try f.office.updatePartner("def", staff: "Ana") {
      $0.phone = "+238 260 00 00"; $0.toConfirm = false
    }
    try f.office.retirePartner("oim", staff: "Ana")
    for office in [f.office, try f.reopen()] {
      let directory = office.partners
      #expect(directory.partner("assoc-praia")?.languages == ["pt", "fr"])
      #expect(directory.partner("def")?.phone == "+238 260 00 00")
      #expect(directory.partner("def")?.toConfirm == false)
      #expect(directory.partner("oim")?.active == false)
      #expect(!directory.active(topic: "integration.voluntary-return").contains { $0.code == "oim" })
      #expect(directory.active(topic: "integration.associations").contains { $0.code == "assoc-praia" })
    }
    try f.office.updatePartner("oim", staff: "Ana") { $0.active = true }
    #expect(f.office.partners.partner("oim")?.active == true)
  }

  @Test(
    "suggestions: on the island first, then island-wide, then the sheet's order and the visitor's language")
  func suggest() throws {
    let directory = PartnerDirectory(state: OfficeState())
    let base = KnowledgeBase(state: OfficeState())
    let legal = base.sheet("integration.legal-aid")
    // From Praia (Santiago): the CNDHC is on the island; Casa do Direito and the bar association everywhere.
    #expect(
      directory.suggest(topic: "integration.legal-aid", island: "santiago", languages: ["pt"], sheet: legal)
        .map(\.partner.code)
        == ["cndhc", "casa-do-direito", "ordem-advogados"])
    // From Mindelo (São Vicente): the CNDHC is only on Santiago, so it comes last.
    let fromMindelo = directory.suggest(
      topic: "integration.legal-aid", island: "sao-vicente", languages: ["pt"], sheet: legal)
    #expect(fromMindelo.map(\.partner.code) == ["casa-do-direito", "ordem-advogados", "cndhc"])
    #expect(fromMindelo.last?.presence == .elsewhere)
    // Asylum from Praia: the AAI and the CNDHC are on the island and the sheet names them first; UNHCR, which
    // speaks French, leads the island-wide services; the DEF, which the sheet no longer names, comes last.
    let asylum = directory.suggest(
      topic: "residence.asylum", island: "santiago", languages: ["fr"], sheet: base.sheet("residence.asylum"))
    #expect(
      asylum.map(\.partner.code) == ["aai", "cndhc", "acnur", "casa-do-direito", "ordem-advogados", "def"])
    #expect(asylum[2].sharedLanguages == ["fr"])
    #expect(asylum.dropLast().allSatisfy { $0.recommended } && asylum.last?.recommended == false)
    // From Fogo, where neither has a unit, UNHCR comes first for a French speaker; the AAI and CNDHC last.
    let fromFogo = directory.suggest(
      topic: "residence.asylum", island: "fogo", languages: ["fr"], sheet: base.sheet("residence.asylum"))
    #expect(
      fromFogo.first?.partner.code == "acnur" && fromFogo.suffix(2).map(\.partner.code) == ["aai", "cndhc"])
  }

  @Test("Office.suggestPartners uses the office's island and the visitor's languages")
  func officeSuggest() throws {
    let f = try FrontDeskFixture()
    let id = try f.visitor("Aminata Fall", languages: ["fr", "wo"])
    let ranked = try f.office.suggestPartners(visitorID: id, topic: "residence.asylum")
    // Praia is on Santiago: the AAI's unit first, then the CNDHC; UNHCR (French) before other island-wide services.
    #expect(ranked.prefix(3).map(\.partner.code) == ["aai", "cndhc", "acnur"])
    try f.office.retirePartner("aai", staff: "Ana")
    #expect(
      try f.office.suggestPartners(visitorID: id, topic: "residence.asylum").first?.partner.code == "cndhc")
  }
}
