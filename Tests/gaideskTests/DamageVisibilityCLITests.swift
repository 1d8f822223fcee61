import Foundation
import Testing

/// Damage shows wherever figures are shown: on stderr, in `--json`, and in the exit status.
@Suite struct DamageVisibilityCLITests {
  @Test func commandsReadingADamagedOfficeSayTheirFiguresArePartial() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    for name in ["Awa Ndiaye", "Moussa Diop", "Ana Lima"] {
      #expect(cli.run(["queue", "add", "--name", name]).status == 0)
    }
    let journal = cli.data + "/journal"
    let origin = try #require(try FileManager.default.contentsOfDirectory(atPath: journal).first)
    let segment = journal + "/" + origin + "/00000001.seg"
    var bytes = try Data(contentsOf: URL(fileURLWithPath: segment))
    bytes[40 + 8 + 80] ^= 0x01  // inside the first record's sealed part: records after it are still valid
    try bytes.write(to: URL(fileURLWithPath: segment))
    try? FileManager.default.removeItem(atPath: cli.data + "/cache")

    let day = cli.run(["day"])
    #expect(day.status == 2, "\(day.status) \(day.err)")
    #expect(day.err.contains("parciais") && day.err.contains("00000001.seg"), "\(day.err)")
    let json = cli.run(["day", "--json"])
    #expect(json.status == 2)
    let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
    #expect(object?["damaged"] as? Bool == true)
    #expect((object?["damage"] as? [[String: Any]])?.first?["offset"] as? Int == 40)
    for arguments in [
      ["queue", "list"], ["report", "month", String(CLI.localDay(daysFromToday: 0).prefix(7))],
    ] {
      let result = cli.run(arguments + ["--lang", "en"])
      #expect(
        result.status == 2 && result.err.contains("partial"), "\(arguments): \(result.status) \(result.err)")
    }
    #expect(cli.run(["queue", "add", "--name", "New Person"]).status == 1)
  }
}
