import Foundation
import Testing

/// Hostile input on the command line: never a trap, a clear message, nothing that drives the terminal.
@Suite struct HostileInputCLITests {
  /// A CLI with an office and one visitor; the visitor's id.
  static func office() -> (CLI, String) {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    let add = cli.run([
      "visitor", "add", "--name", "Awa Ndiaye", "--language", "fr", "--consent-share", "yes",
    ])
    #expect(add.status == 0, "\(add.err)")
    return (cli, add.out.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// A clean refusal: status 1, one line in Portuguese naming `needle`, no trap.
  static func refused(_ result: CLI.Result, naming needle: String) {
    #expect(result.status == 1, "status \(result.status): \(result.err)")
    #expect(result.err.hasPrefix("gaidesk: ") && result.err.contains(needle), "\(result.err)")
    #expect(!result.err.contains("Fatal error") && result.err.split(separator: "\n").count == 1)
  }

  @Test func outOfRangeLimitsAreRefusedNotTrapped() {
    let (cli, id) = HostileInputCLITests.office()
    for limit in ["9223372036854775807", "0", "-1", "100001"] {
      HostileInputCLITests.refused(cli.run(["visitor", "find", "awa", "--limit=\(limit)"]), naming: "100000")
    }
    for limit in ["-1", "0", "9223372036854775807"] {
      let suggest = cli.run([
        "referral", "suggest", "--visitor", id, "--topic", "integration.health", "--limit=\(limit)",
      ])
      HostileInputCLITests.refused(suggest, naming: "100")
    }
    HostileInputCLITests.refused(cli.run(["demo", "--days=-5"]), naming: "3650")
    #expect(cli.run(["visitor", "find", "awa", "--limit=100000"]).out.contains(id))
  }

  @Test func aHundredThousandCharacterQueryAnswersQuickly() {
    let (cli, _) = HostileInputCLITests.office()
    let start = Date()
    let find = cli.run(["visitor", "find", String(repeating: "awa", count: 33_333) + "x"])
    #expect(find.status == 0, "\(find.err)")
    #expect(Date().timeIntervalSince(start) < 10)
    #expect(find.out.count < 1000, "the query is echoed cut or not at all")
    // A name that long is refused as too long, after the duplicate check (which cuts it like a query).
    let add = cli.run(["visitor", "add", "--name", String(repeating: "x", count: 100_000)])
    HostileInputCLITests.refused(add, naming: "200")
  }

  @Test func namesWithHidingCharactersAreRefusedInPortuguese() {
    let (cli, _) = HostileInputCLITests.office()
    let refused = cli.run(["visitor", "add", "--name", "Ana \u{202E}amiL"])
    HostileInputCLITests.refused(refused, naming: "invisíveis")
    #expect(cli.run(["visitor", "add", "--name", "Ana Lima", "--lang", "en"]).status == 0)
    HostileInputCLITests.refused(
      cli.run(["visitor", "add", "--name", "Zero\u{200B}Width", "--lang", "en"]), naming: "hide or reorder")
  }

  @Test func aNoteCannotForgeALineOfTheListing() {
    let (cli, id) = HostileInputCLITests.office()
    let forged = "call back\nF-FAKE-99     2020-01-01  Someone Else  forged"
    let add = cli.run([
      "followup", "add", "--visitor", id, "--on", CLI.localDay(daysFromToday: 1), "--note", forged,
    ])
    #expect(add.status == 0, "\(add.err)")
    let list = cli.run(["followup", "list"])
    #expect(list.out.split(separator: "\n").count == 1, "\(list.out)")
    #expect(list.out.contains("call back\\nF-FAKE-99"))
    let show = cli.run(["visitor", "show", id])
    #expect(!show.out.split(separator: "\n").contains { $0.hasPrefix("F-FAKE-99") })
  }

  @Test func controlCharactersInArgumentsNeverReachTheTerminal() {
    let (cli, _) = HostileInputCLITests.office()
    let hostile = "V-\u{1B}[2J\u{1B}]0;owned\u{7}\u{9B}31m"
    for arguments in [
      ["visitor", "show", hostile], ["referral", "set", hostile, "sent"], ["visitor", "find", "x", hostile],
      [hostile], ["queue", "add", "--visitor", hostile],
    ] {
      let result = cli.run(arguments)
      #expect(result.status != 0 && result.status < 128, "\(arguments): \(result.status)")
      let bytes = Array(result.err.utf8) + Array(result.out.utf8)
      #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "\(arguments): \(result.err)")
      #expect(!result.err.unicodeScalars.contains("\u{9B}"), "\(arguments): \(result.err)")
    }
  }
}
