import Foundation
import Testing

@Suite struct KnowledgeCommandTests {
  @Test func sourcesConfirmCorrectAndTheUnconfirmedListFromTheCommandLine() throws {
    let cli = CLI()
    #expect(cli.run(["init", "--office", "praia", "--staff", "Ana Tavares"]).status == 0)

    // Sources: numbered lines, a mark on each, and the key with the link and the checked day.
    let shown = cli.run(["topic", "show", "residence.renewal", "--sources", "--lang", "en"])
    #expect(shown.status == 0, "\(shown.err)")
    #expect(shown.out.contains("1. A temporary permit is valid for 2 years"))
    #expect(shown.out.contains("[1]") && shown.out.contains("[?]"))
    #expect(shown.out.contains("https://aai.gov.cv/") && shown.out.contains("checked 2026-11-30"))
    let partner = cli.run(["partner", "show", "aai", "--sources", "--lang", "en"])
    #expect(partner.out.contains("Alta Autoridade para a Imigração") && partner.out.contains("never"))

    // Confirm a line and a contact; correct another line; all survive into the next process.
    #expect(cli.run(["topic", "confirm", "residence.renewal", "--tell", "1", "--how", "visit"]).status == 0)
    #expect(
      cli.run(["partner", "confirm", "def", "--how", "phone", "--note", "horário confirmado"]).status == 0)
    let corrected = cli.run([
      "topic", "correct", "residence.renewal", "--tell", "6", "--pt", "Taxa confirmada na DEF.", "--how",
      "letter",
    ])
    #expect(corrected.status == 0, "\(corrected.err)")
    #expect(cli.run(["topic", "confirm", "residence.renewal", "--how", "visit"]).status != 0)
    #expect(cli.run(["partner", "confirm", "def", "--how", "fax"]).status != 0)

    let json = cli.run(["topic", "show", "residence.renewal", "--sources", "--json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let tell = try #require((object["sources"] as? [String: Any])?["tell"] as? [[String: Any]])
    #expect((tell[0]["confirmed"] as? [String: Any])?["how"] as? String == "visit")
    #expect((tell[0]["confirmed"] as? [String: Any])?["by"] as? String == "Ana Tavares")
    #expect(tell[0]["status"] as? String == "sourced")
    #expect(
      tell[5]["text"] as? String == "Taxa confirmada na DEF." && tell[5]["status"] as? String == "office")
    #expect((tell[5]["confirmed"] as? [String: Any])?["how"] as? String == "letter")
    #expect(tell[4]["status"] as? String == "to-confirm" && tell[4]["confirmed"] == nil)

    // The unconfirmed list: what was just confirmed is not on it; the AAI never confirmed is.
    let list = cli.run(["topic", "unconfirmed", "--json"])
    let items = try CLI.items(list)
    let subjects = items.compactMap { $0["subject"] as? String }
    #expect(subjects.contains("partner:aai") && !subjects.contains("partner:def"))
    #expect(!subjects.contains { $0.hasPrefix("sheet:residence.renewal:tell:A autorização temporária") })
    let partnersOnly = cli.run(["topic", "unconfirmed", "--partners", "--limit", "3", "--lang", "en"])
    #expect(partnersOnly.out.contains("not confirmed locally for 12 months"))
    #expect(partnersOnly.out.split(separator: "\n").count == 4)
  }

  @Test func topicFindSearchesNamesThenSheetsInAnyLanguage() throws {
    let cli = CLI()
    #expect(cli.run(["init", "--office", "praia", "--staff", "Ana Tavares"]).status == 0)
    let renewal = cli.run(["topic", "find", "renewal", "--lang", "en"])
    #expect(renewal.status == 0, "\(renewal.err)")
    #expect(renewal.out.split(separator: "\n").first?.hasPrefix("residence.renewal") == true)
    let marriage = cli.run(["topic", "find", "casamento"])
    #expect(marriage.out.contains("residence.family-reunification") && marriage.out.contains("· na ficha"))
    let json = try CLI.items(cli.run(["topic", "find", "casamento", "--json"]))
    #expect(
      json.contains {
        $0["code"] as? String == "residence.family-reunification" && $0["foundIn"] as? String == "sheet"
      })
    let none = cli.run(["topic", "find", "xylofone", "--lang", "fr"])
    #expect(none.status == 2 && none.out.contains("Aucun sujet ni fiche"))
  }

  @Test func theMonthReportIsForTheAuthorityNamedByReferenceData() {
    let cli = CLI()
    #expect(cli.run(["init", "--office", "praia", "--staff", "Ana Tavares"]).status == 0)
    let report = cli.run(["report", "month", "2026-11", "--format", "text", "--lang", "en"])
    #expect(report.out.contains("for the AAI") && !report.out.contains("DGI"))
    #expect(cli.run(["report", "--help"]).out.contains("AAI"))
  }
}
