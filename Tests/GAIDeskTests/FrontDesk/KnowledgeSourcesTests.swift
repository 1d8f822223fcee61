import Foundation
@_spi(Testing) import GAIDesk
import Testing

@Suite("Knowledge: sources, the authority by name, local confirmation")
struct KnowledgeSourcesTests {
  @Test("every shipped sheet line and partner entry has a source or an explicit 'to confirm'")
  func everyLineSourcedOrToConfirm() throws {
    let base = KnowledgeBase(state: OfficeState())
    var sourced = 0
    var toConfirm = 0
    for topic in ReferenceData.shipped.topics.map(\.code) {
      let sheet = try #require(base.sheet(topic))
      for section in SheetSection.allCases where section.needsSource {
        let count = section.lines(sheet.pt).count
        for language in Language.allCases {
          #expect(section.lines(sheet.content(language)).count == count, "\(topic) \(section) \(language)")
        }
        for index in 0..<count {
          // The source list must name every line: a missing entry is neither sourced nor "to confirm".
          let listed = KnowledgeBaseProbe.listedCount(topic: topic, section: section)
          #expect(index < listed, "\(topic) \(section) line \(index + 1) has no entry in sources")
          switch base.backing(topic: topic, section: section, index: index, language: .portuguese) {
          case .source(let source):
            sourced += 1
            #expect(!source.title.isEmpty && LocalTime.isDate(source.checked), "\(source.id)")
          case .toConfirm: toConfirm += 1
          case .office: Issue.record("\(topic): a shipped line counted as the office's own")
          }
        }
      }
    }
    let directory = PartnerDirectory(state: OfficeState())
    var partnersSourced = 0
    for partner in PartnerDirectory.shipped {
      switch directory.backing(partner.code) {
      case .source: partnersSourced += 1
      case .toConfirm: #expect(partner.toConfirm, "\(partner.code) has no source and must say 'to confirm'")
      case .office: Issue.record("\(partner.code): shipped entry counted as the office's own")
      }
    }
    print(
      "knowledge sources: sheet lines \(sourced) sourced, \(toConfirm) to confirm; partners \(partnersSourced) of \(PartnerDirectory.shipped.count) sourced"
    )
    #expect(sourced >= 45 && toConfirm > 0)
    #expect(partnersSourced >= 15)
  }

  @Test("every source a sheet or a partner names exists, with a law or a link and a checked date")
  func sourceCodesResolve() {
    let used = KnowledgeBaseProbe.allCodes()
    #expect(!used.isEmpty)
    for code in used {
      let source = SourceCatalogue.source(code)
      #expect(source != nil, "unknown source \(code)")
      if let source {
        #expect(source.url != nil || source.title.contains("art.") || source.title.contains("Lei"))
      }
    }
  }

  @Test("the authority comes from reference data: the AAI, an active partner; the DGI only as history")
  func authorityByName() throws {
    let authority = Authority.shipped
    #expect(authority.short == "AAI")
    #expect(authority.name.pt == "Alta Autoridade para a Imigração")
    let directory = PartnerDirectory(state: OfficeState())
    #expect(directory.partner(try #require(authority.partner))?.active == true)
    #expect(directory.partner("dgi")?.active == false)
    #expect(
      Strings.shared.text("month.title", ["2026-11", "Praia"], language: .portuguese).hasSuffix("para a AAI"))
  }

  @Test("no 'DGI' in what a person reads, except where the text is about its abolition (DL 55/2020)")
  func noDGIInUserText() throws {
    var texts: [(String, String)] = []
    let strings = Strings.shared
    for key in strings.keys {
      for language in Language.allCases {
        texts.append(("string \(key)", strings.text(key, language: language)))
      }
    }
    let base = KnowledgeBase(state: OfficeState())
    for topic in ReferenceData.shipped.topics {
      texts.append(("topic \(topic.code)", topic.pt + topic.en + topic.fr))
      let sheet = try #require(base.sheet(topic.code))
      for language in Language.allCases {
        let content = sheet.content(language)
        for line in content.ask + content.documents + content.tell {
          texts.append(("sheet \(topic.code)", line))
        }
      }
      #expect(
        !sheet.partners.contains("dgi") && !sheet.partners.contains("embaixada-nigeria"), "\(topic.code)")
    }
    for partner in PartnerDirectory.shipped {
      let all = [partner.name, partner.short ?? "", partner.note.pt, partner.note.en, partner.note.fr]
      texts.append(("partner \(partner.code)", all.joined(separator: " ")))
    }
    // The exports: a month with a referral to every active partner, as CSV in three languages.
    let fixture = try FrontDeskFixture()
    fixture.office.now = { TestOffice.morning }  // the referral is in the month reported, whenever it runs
    let visitor = try fixture.visitor("Aminata Diallo", year: 1990, nationality: "SN")
    try fixture.office.refer(
      visitorID: visitor, partner: "aai", topic: "residence.regularisation", due: nil, note: nil, staff: "Ana"
    )
    let month = String(TestOffice.morningDay.prefix(7))
    let report = MonthReport(state: fixture.office.state, month: month, office: "praia")
    for language in Language.allCases {
      let table = report.table(language: language, office: "praia")
      texts.append(("month csv", table.csv(.default(for: language))))
    }
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../../README.md")
    texts.append(("README", try String(contentsOf: readme, encoding: .utf8)))

    for (place, text) in texts where text.contains("DGI") {
      #expect(text.contains("55/2020"), "\(place) names the DGI as if it still existed: \(text.prefix(160))")
    }
    #expect(texts.count > 500)
  }

  @Test("a supervisor confirms a line and a contact: who, when, how; it survives reopening")
  func confirmSurvivesReopening() throws {
    let fixture = try FrontDeskFixture()
    try fixture.addSupervisor("Rosa")
    fixture.office.now = { TestOffice.morning }  // the confirmation's day is read back, whenever it runs
    let line = try #require(
      fixture.office.knowledge.subject(topic: "residence.renewal", section: .tell, index: 0))
    try fixture.office.confirm(line, method: .visit, note: "balcão da DEF", staff: "Rosa")
    try fixture.office.confirm(.partner(code: "def"), method: .phone, staff: "Rosa")
    #expect(throws: GAIDeskError.self) {
      try fixture.office.confirm(.partner(code: "nobody"), method: .phone, staff: "Rosa")
    }
    #expect(throws: GAIDeskError.self) {
      try fixture.office.confirm(
        .sheetLine(topic: "residence.renewal", section: .tell, text: "not a line"), method: .phone,
        staff: "Rosa")
    }
    let reopened = try fixture.reopen()
    let confirmation = try #require(reopened.state.confirmations[line.key])
    #expect(
      confirmation.by == "Rosa" && confirmation.method == .visit && confirmation.note == "balcão da DEF")
    #expect(confirmation.day == TestOffice.morningDay)
    #expect(reopened.state.confirmations["partner:def"]?.method == .phone)
    // Opened a second time, from the snapshot cache this time.
    #expect(try fixture.reopen().state.confirmations[line.key] == confirmation)
    let stale = reopened.review(language: .portuguese).unconfirmed(today: TestOffice.morningDay)
    #expect(!stale.contains { $0.subject == line || $0.subject == .partner(code: "def") })
  }

  @Test("the list of what was not confirmed for 12 months puts the never-confirmed first, then the oldest")
  func unconfirmedOldestFirst() throws {
    let fixture = try FrontDeskFixture()
    let line = try #require(
      fixture.office.knowledge.subject(topic: "integration.work", section: .tell, index: 1))
    try fixture.at("2025-06-01", 10, 0) { c in
      [.knowledgeConfirmed(subject: .partner(code: "inps"), method: .letter, day: c.today, note: nil)]
    }
    // Recorded out of order on purpose (a late bundle): the day written in the event counts, not the clock.
    try fixture.at("2025-01-10", 10, 0) { _ in
      [.knowledgeConfirmed(subject: .partner(code: "def"), method: .phone, day: "2025-01-10", note: nil)]
    }
    try fixture.at("2026-11-01", 10, 0) { c in
      [.knowledgeConfirmed(subject: line, method: .visit, day: c.today, note: nil)]
    }
    let review = fixture.office.review(language: .english)
    let stale = review.unconfirmed(today: "2026-12-01")
    #expect(stale.count == review.items.count - 1)
    #expect(!stale.contains { $0.subject == line })
    #expect(stale.suffix(2).map(\.subject) == [.partner(code: "def"), .partner(code: "inps")])
    #expect(stale.first?.confirmation == nil)
    // Exactly twelve months later the inps confirmation is stale; a day less and it is not.
    #expect(review.unconfirmed(today: "2026-06-01").contains { $0.subject == .partner(code: "inps") })
    #expect(!review.unconfirmed(today: "2026-05-31").contains { $0.subject == .partner(code: "inps") })
  }

  @Test("a correction replaces the line and confirms the new text; the old text loses its source mark")
  func correctSheetLine() throws {
    let fixture = try FrontDeskFixture()
    try fixture.addSupervisor("Rosa")
    let before = try #require(fixture.office.knowledge.sheet("residence.renewal"))
    #expect(
      fixture.office.knowledge.backing(
        topic: "residence.renewal", section: .tell, index: 5, language: .portuguese)
        == .toConfirm)
    let sheet = try fixture.office.correctSheetLine(
      topic: "residence.renewal", section: .tell, index: 5,
      texts: [
        .portuguese: "Taxa confirmada na DEF da Praia.", .english: "Fee confirmed at the DEF in Praia.",
      ],
      method: .visit, staff: "Rosa")
    #expect(
      sheet.pt.tell[5] == "Taxa confirmada na DEF da Praia."
        && sheet.en.tell[5] == "Fee confirmed at the DEF in Praia.")
    #expect(sheet.fr.tell[5] == before.fr.tell[5])
    #expect(sheet.pt.tell[0] == before.pt.tell[0])
    let knowledge = try fixture.reopen().knowledge
    #expect(
      knowledge.backing(topic: "residence.renewal", section: .tell, index: 5, language: .portuguese)
        == .office)
    if case .source = knowledge.backing(
      topic: "residence.renewal", section: .tell, index: 0, language: .portuguese)
    {
    } else {
      Issue.record("an unchanged line keeps its shipped source")
    }
    let subject = KnowledgeSubject.sheetLine(
      topic: "residence.renewal", section: .tell, text: "Taxa confirmada na DEF da Praia.")
    #expect(fixture.office.state.confirmations[subject.key]?.by == "Rosa")
    #expect(throws: GAIDeskError.self) {
      try fixture.office.correctSheetLine(
        topic: "residence.renewal", section: .tell, index: 99, texts: [.portuguese: "x"], method: .phone,
        staff: "Rosa")
    }
  }

  @Test("a partner correction changes the contact and confirms it in one record")
  func correctPartner() throws {
    let fixture = try FrontDeskFixture()
    try fixture.addSupervisor("Rosa")
    if case .source = fixture.office.partners.backing("cruz-vermelha") {
    } else {
      Issue.record("shipped source")
    }
    let records = fixture.office.state.recordCount
    let partner = try fixture.office.correctPartner("cruz-vermelha", method: .phone, staff: "Rosa") {
      $0.phone = "261 17 01"
    }
    #expect(partner.phone == "261 17 01")
    #expect(fixture.office.state.recordCount == records + 1)
    #expect(fixture.office.partners.backing("cruz-vermelha") == .office)
    #expect(fixture.office.state.confirmations["partner:cruz-vermelha"]?.method == .phone)
  }

  @Test("the confirmation event round-trips through the codec")
  func codecRoundTrip() throws {
    let events: [Event] = [
      .knowledgeConfirmed(
        subject: .partner(code: "def"), method: .letter, day: "2026-11-30", note: "ofício 12/2026"),
      .knowledgeConfirmed(
        subject: .sheetLine(topic: "residence.asylum", section: .documents, text: "a: b: c"), method: .visit,
        day: "2026-11-30", note: nil),
    ]
    let batch = EventBatch(staff: "Rosa", office: "praia", events: events)
    #expect(try EventCodec.decode(EventCodec.encode(batch)) == batch)
  }
}

/// Reads the shipped source lists directly, to check them against the lines.
enum KnowledgeBaseProbe {
  private struct Entry: Decodable {
    let topic: String
    let sources: [String: [String?]]?
  }
  private struct PartnerEntry: Decodable {
    let source: String?
  }

  private static func data(_ name: String) -> Data {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../Resources/data/\(name)")
    return (try? Data(contentsOf: url)) ?? Data()
  }

  private static let entries: [Entry] =
    (try? JSONDecoder().decode([Entry].self, from: data("sheets.json"))) ?? []

  /// How many lines the source list of `section` in the sheet for `topic` names.
  static func listedCount(topic: String, section: SheetSection) -> Int {
    entries.first { $0.topic == topic }?.sources?[section.rawValue]?.count ?? 0
  }

  /// Every source code the sheets and partners name.
  static func allCodes() -> Set<String> {
    var codes = Set(entries.flatMap { ($0.sources ?? [:]).values.flatMap { $0.compactMap { $0 } } })
    let partners = (try? JSONDecoder().decode([PartnerEntry].self, from: data("partners.json"))) ?? []
    codes.formUnion(partners.compactMap(\.source))
    if let source = Authority.shipped.source { codes.insert(source) }
    return codes
  }
}
