import GAIDesk
import Testing

/// The one finder of knowledge sheets (the desk's `f` and `gaidesk topic find`): words of a topic's name first,
/// then words the sheet itself says.
@Suite("Sheet finder in the core")
struct SheetFinderCoreTests {
  let shipped = KnowledgeBase(state: OfficeState())

  @Test("a word only a sheet says finds that sheet: casamento finds family reunification")
  func wordOfTheSheet() {
    let found = shipped.topics(matching: "casamento")
    #expect(!found.isEmpty)
    #expect(found.allSatisfy { $0.match == .sheet })
    #expect(found.contains { $0.topic.code.contains("family") }, "\(found.map(\.topic.code))")
    for match in found {
      let sheet = shipped.sheet(match.topic.code)!
      let said = [sheet.pt, sheet.en, sheet.fr].flatMap { $0.ask + $0.documents + $0.tell }
      #expect(said.contains { SearchText.fold($0).contains("casamento") }, "\(match.topic.code)")
    }
  }

  @Test("words of a topic's name come first, in any language, then the sheets that say them")
  func namesFirst() {
    for word in ["renovação", "renewal", "renouvellement"] {
      let found = shipped.topics(matching: word)
      #expect(found.first?.topic.code == "residence.renewal", "\(word)")
      #expect(found.first?.match == .topic)
      let kinds = found.map(\.match)
      #expect(kinds == kinds.sorted { $0 == .topic && $1 == .sheet }, "\(word): \(kinds)")
    }
  }

  @Test("every word typed must be found: nothing when one is nowhere, every topic when nothing is typed")
  func everyWord() {
    #expect(shipped.topics(matching: "casamento xylofone").isEmpty)
    #expect(shipped.topics(matching: "  ").count == ReferenceData.shipped.topics.count)
  }

  @Test("the office's edited sheet is the one searched")
  func editedSheet() throws {
    let f = try FrontDeskFixture()
    try f.addSupervisor("Supervisora Rosa")
    #expect(f.office.knowledge.topics(matching: "quitação").isEmpty)
    try f.office.updateSheet(topic: "residence.renewal", staff: "Supervisora Rosa") { sheet in
      var content = sheet.content(.portuguese)
      content.documents.append("Certidão de quitação fiscal")
      sheet = sheet.setting(.portuguese, to: content)
    }
    let found = f.office.knowledge.topics(matching: "quitacao")
    #expect(found.map(\.topic.code) == ["residence.renewal"])
    #expect(found.first?.match == .sheet)
  }
}
