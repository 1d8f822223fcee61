import Foundation
import Testing

/// `followup list --due` and `day` count follow-ups due with the core's one rule (`FollowUpsDue`).
@Suite("CLI: follow-ups due")
struct FollowUpsDueCLITests {
  @Test("followup list --due lists exactly the day report's follow-ups due, not those of the coming week")
  func listDueIsTheDayReports() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    let add = cli.run(["visitor", "add", "--name", "Awa Ndiaye", "--nationality", "SN"])
    #expect(add.status == 0, "\(add.err)")
    let visitor = add.out.trimmingCharacters(in: .whitespacesAndNewlines)
    var ids: [Int: String] = [:]
    for offset in [-1, 0, 3] {
      let made = cli.run([
        "followup", "add", "--visitor", visitor, "--on", CLI.localDay(daysFromToday: offset), "--note",
        "ligar",
      ])
      #expect(made.status == 0, "\(made.err)")
      ids[offset] = made.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let listed = try CLI.items(cli.run(["followup", "list", "--due", "--json"])).compactMap {
      $0["id"] as? String
    }
    let day = try CLI.object(cli.run(["day", "--json"]))
    let reported = day["followUpsDue"] as? [String] ?? []
    #expect(Set(listed) == Set(reported), "list \(listed), day \(reported)")
    #expect(Set(listed) == Set([ids[-1], ids[0]].compactMap { $0 }))
  }
}
