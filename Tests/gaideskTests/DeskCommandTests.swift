import Foundation
import ProcessTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The desk's fixes seen from the command line: undoing "left", tables aligned by terminal columns, sheet
/// files of the right and the wrong shape.
@Suite struct DeskCommandTests {
  /// Columns `text` takes on a terminal (wcwidth per code point, as ncurses and tmux count them).
  static func columns(_ text: Substring) -> Int { TerminalColumns.of(text) }

  @Test func aLeaveIsUndoneFromTheCommandLineOnceAndTheTicketWaitsAgain() throws {
    let cli = CLI()
    #expect(cli.run(["init", "--office", "praia", "--staff", "Ana Tavares"]).status == 0)
    #expect(cli.run(["queue", "add", "--name", "Aminata Baldé"]).status == 0)
    #expect(cli.run(["queue", "left", "A-001"]).status == 0)
    let undone = cli.run(["queue", "undo", "A-001"])
    #expect(undone.status == 0, "\(undone.err)")
    #expect(undone.out.contains("A-001 voltou à fila (à espera)"), "\(undone.out)")
    let list = cli.run(["queue", "list"])
    #expect(list.out.contains("à espera") && !list.out.contains("saiu"), "\(list.out)")
    let again = cli.run(["queue", "undo", "A-001", "--lang", "en"])
    #expect(again.status == 1)
    #expect(again.err.contains("A-001 is not marked as left without service"), "\(again.err)")
    #expect(cli.run(["queue", "undo", "A-999"]).status == 2)
  }

  @Test func aSecondTicketForSomeoneStillInTheQueueTakesAgain() throws {
    let cli = CLI()
    #expect(cli.run(["init", "--office", "praia", "--staff", "Ana Tavares"]).status == 0)
    let added = cli.run(["visitor", "add", "--name", "Aminata Baldé", "--json"])
    let id = try #require(try CLI.object(added)["id"] as? String, "\(added.out)\(added.err)")
    #expect(cli.run(["queue", "add", "--visitor", id]).out == "A-001\n")
    let refused = cli.run(["queue", "add", "--visitor", id, "--lang", "en"])
    #expect(refused.status == 1)
    #expect(
      refused.err.contains("already holds ticket A-001") && refused.err.contains("--again"), "\(refused.err)")
    #expect(!cli.run(["queue", "list"]).out.contains("A-002"))
    let again = cli.run(["queue", "add", "--visitor", id, "--again"])
    #expect(again.status == 0 && again.out == "A-002\n", "\(again.err)")
  }

  @Test func aDeskThatStillHasATicketCalledCallsAnotherOnlyWithAgain() throws {
    let cli = CLI()
    #expect(cli.run(["init", "--office", "praia", "--staff", "Ana Tavares"]).status == 0)
    #expect(cli.run(["queue", "add", "--name", "Aminata Baldé"]).status == 0)
    #expect(cli.run(["queue", "add", "--name", "Kossi Mensah"]).status == 0)
    #expect(cli.run(["queue", "call", "--desk", "2"]).status == 0)
    let refused = cli.run(["queue", "call", "--desk", "2", "--lang", "en"])
    #expect(refused.status == 1)
    #expect(
      refused.err.contains("Desk 2 still has ticket A-001 called") && refused.err.contains("--again"),
      "\(refused.err)")
    #expect(cli.run(["queue", "call", "A-002", "--desk", "2"]).status == 1)
    let again = cli.run(["queue", "call", "A-002", "--desk", "2", "--again"])
    #expect(again.status == 0, "\(again.err)")
    #expect(again.out.contains("A-002"), "\(again.out)")
  }

  @Test func aTicketCalledByMistakeGoesBackToTheQueueFromTheCommandLine() throws {
    let cli = CLI()
    #expect(cli.run(["init", "--office", "praia", "--staff", "Ana Tavares"]).status == 0)
    #expect(cli.run(["queue", "add", "--name", "Aminata Baldé"]).status == 0)
    #expect(cli.run(["queue", "call", "--desk", "2"]).status == 0)
    let back = cli.run(["queue", "return", "A-001"])
    #expect(back.status == 0, "\(back.err)")
    #expect(back.out.contains("A-001 voltou à fila, à espera desde as "), "\(back.out)")
    let list = cli.run(["queue", "list"])
    #expect(list.out.contains("à espera") && !list.out.contains("chamad"), "\(list.out)")
    let json = try CLI.object(cli.run(["queue", "list", "--json"]))
    let visit = try #require((json["items"] as? [[String: Any]])?.first)
    #expect(visit["status"] as? String == "waiting" && visit["called"] == nil && visit["desk"] == nil)
    // Only a called ticket goes back: refused in the language asked, nothing written.
    let again = cli.run(["queue", "return", "A-001", "--lang", "en"])
    #expect(again.status == 1)
    #expect(again.err.contains("Ticket A-001 is not called"), "\(again.err)")
    #expect(cli.run(["queue", "return", "A-999"]).status == 2)
    // Called again: the JSON answer of the return says the visit waits again.
    #expect(cli.run(["queue", "call", "A-001", "--desk", "1"]).status == 0)
    let answer = try CLI.object(cli.run(["queue", "return", "A-001", "--json"]))
    #expect(answer["status"] as? String == "waiting" && answer["ticket"] as? String == "A-001")
  }

  @Test func followUpAndQueueColumnsLineUpWithWideAndEmojiNames() throws {
    let cli = CLI()
    #expect(cli.run(["init", "--office", "praia", "--staff", "Ana Tavares"]).status == 0)
    let names = ["Ana Lopes", "王小明", "Maria 👩‍👩‍👧 Silva 🇨🇻", "Zoë Ndiaye"]
    let day = CLI.localDay(daysFromToday: 3)
    for name in names {
      let added = cli.run(["visitor", "add", "--name", name, "--force", "--json"])
      let id = try #require(try CLI.object(added)["id"] as? String, "\(added.out)\(added.err)")
      #expect(cli.run(["followup", "add", "--visitor", id, "--on", day, "--note", "ligar"]).status == 0)
      #expect(cli.run(["queue", "add", "--visitor", id]).status == 0)
    }
    // The note follows the padded name: it starts in the same terminal column on every row.
    let followUps = cli.run(["followup", "list"])
    let rows = followUps.out.split(separator: "\n").filter { $0.hasSuffix("ligar") }
    #expect(rows.count == names.count, "\(followUps.out)")
    let noteColumns = Set(rows.map { Self.columns($0.dropLast("ligar".count)) })
    #expect(noteColumns.count == 1, "note columns \(noteColumns):\n\(followUps.out)")
    // The queue's columns before the name stay put too, and the name follows them in one column.
    let queue = cli.run(["queue", "list"])
    let tickets = queue.out.split(separator: "\n").filter { $0.hasPrefix("A-") }
    #expect(tickets.count == names.count, "\(queue.out)")
    let nameColumns = Set(
      zip(tickets, names).compactMap { row, name in
        row.range(of: name).map { Self.columns(row[..<$0.lowerBound]) }
      })
    #expect(nameColumns.count == 1, "name columns \(nameColumns):\n\(queue.out)")
  }

  @Test func aSheetFileOfTheWrongShapeIsRefusedAndAPartialOneReplacesOnlyItsParts() throws {
    let cli = CLI()
    #expect(cli.run(["init", "--office", "praia", "--staff", "Ana Tavares"]).status == 0)
    let before = try CLI.object(cli.run(["topic", "show", "residence.renewal", "--json"]))

    // Sections at the top instead of under a language: refused, naming the part and the expected shape.
    let wrong = cli.scratch + "/wrong.json"
    try Data(#"{"tell": ["Nova linha"]}"#.utf8).write(to: URL(fileURLWithPath: wrong))
    let refused = cli.run(["topic", "edit", "residence.renewal", "--from-file", wrong, "--lang", "en"])
    #expect(refused.status == 1, "\(refused.out)")
    #expect(refused.err.contains("\"tell\" is not a part of a sheet"), "\(refused.err)")
    #expect(refused.err.contains(#""pt": {"ask": [...], "documents": [...], "tell": [...]}"#))
    #expect(!refused.out.contains("saved"))
    let empty = cli.scratch + "/empty.json"
    try Data("{}".utf8).write(to: URL(fileURLWithPath: empty))
    #expect(cli.run(["topic", "edit", "residence.renewal", "--from-file", empty]).status == 1)
    let other = cli.scratch + "/other.json"
    try Data(#"{"topic": "entry.visa-information", "pt": {"tell": ["x"]}}"#.utf8).write(
      to: URL(fileURLWithPath: other))
    #expect(cli.run(["topic", "edit", "residence.renewal", "--from-file", other]).status == 1)
    let notList = cli.scratch + "/notlist.json"
    try Data(#"{"pt": {"tell": "uma linha"}}"#.utf8).write(to: URL(fileURLWithPath: notList))
    #expect(cli.run(["topic", "edit", "residence.renewal", "--from-file", notList]).status == 1)
    let unchanged = try CLI.object(cli.run(["topic", "show", "residence.renewal", "--json"]))
    #expect(NSDictionary(dictionary: unchanged) == NSDictionary(dictionary: before))

    // Only the Portuguese "tell": it replaces that list; the documents and the other languages are kept.
    let partial = cli.scratch + "/partial.json"
    try Data(#"{"pt": {"tell": ["Renovar 30 dias antes do fim."]}}"#.utf8).write(
      to: URL(fileURLWithPath: partial))
    let englishBefore = try CLI.object(
      cli.run(["topic", "show", "residence.renewal", "--json", "--lang", "en"]))
    let saved = cli.run(["topic", "edit", "residence.renewal", "--from-file", partial])
    #expect(saved.status == 0, "\(saved.err)")
    let after = try CLI.object(cli.run(["topic", "show", "residence.renewal", "--json"]))
    #expect(after["tell"] as? [String] == ["Renovar 30 dias antes do fim."])
    #expect(after["documents"] as? [String] == before["documents"] as? [String])
    #expect((after["documents"] as? [String])?.isEmpty == false)
    #expect(after["ask"] as? [String] == before["ask"] as? [String])
    let english = try CLI.object(cli.run(["topic", "show", "residence.renewal", "--json", "--lang", "en"]))
    #expect(english["tell"] as? [String] == englishBefore["tell"] as? [String])
  }
}
