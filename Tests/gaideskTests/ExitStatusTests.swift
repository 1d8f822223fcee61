import Foundation
import ProcessTestSupport
import Testing

/// The exit-status table (docs/EXIT-STATUS.md), command by command: each row reached by a real run.
@Suite struct ExitStatusTests {
  /// An office with one visitor and one closed visit.
  static func office() -> (CLI, String) {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    let id = cli.run(["visitor", "add", "--name", "Awa Ndiaye", "--consent-share", "yes"]).out
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return (cli, id)
  }

  @Test func refusedInputIsOne() {
    let (cli, id) = Self.office()
    let cases: [[String]] = [
      ["visitor", "add", "--name", ""],
      ["report", "month", "2026-13"],
      ["report", "month"],
      ["queue", "add", "--visitor", id, "--name", "Two Ways"],
      ["followup", "add", "--visitor", id, "--on", "1999-01-01", "--note", "x"],
      ["day", "--lang", "xx"],
      ["demo", "--visitors", "-1"],
      ["visitor", "find", "x", "--limit", "nine"],
    ]
    for arguments in cases {
      let result = cli.run(arguments)
      #expect(result.status == 1, "\(arguments): \(result.err)")
      #expect(
        result.err.hasPrefix("gaidesk: ") && result.err.split(separator: "\n").count == 1, "\(result.err)")
    }
  }

  @Test func notFoundIsTwo() {
    let (cli, _) = Self.office()
    let cases: [[String]] = [
      ["visitor", "show", "V-NOPE-00"], ["queue", "done", "A-999", "--topic", "residence.renewal"],
      ["referral", "set", "R-NOPE-00", "sent"], ["followup", "done", "F-NOPE-00"],
      ["partner", "show", "no-such-partner"], ["referral", "slip", "R-NOPE-00"], ["dya"],
      ["queue", "ad"], ["queue", "call"],
    ]
    for arguments in cases {
      let result = cli.run(arguments)
      #expect(result.status == 2, "\(arguments): \(result.err)")
    }
    let missing = cli.run(["day", "--data", cli.scratch + "/nowhere"])
    #expect(missing.status == 2, "\(missing.err)")
  }

  @Test func wrongPassphraseIsThree() {
    let (cli, _) = Self.office()
    for arguments in [["day"], ["queue", "list"], ["verify"], ["report", "month", "2026-11"]] {
      let result = cli.run(arguments, environment: ["GAIDESK_PASSPHRASE": "not-the-passphrase"])
      #expect(result.status == 3, "\(arguments): \(result.err)")
    }
  }

  @Test func damageIsFour() throws {
    let (cli, _) = Self.office()
    for index in 0..<8 { #expect(cli.run(["visitor", "add", "--name", "Person \(index)"]).status == 0) }
    let journal = cli.data + "/journal"
    let origin = try FileManager.default.contentsOfDirectory(atPath: journal)[0]
    let segment = journal + "/" + origin + "/00000001.seg"
    var bytes = try Data(contentsOf: URL(fileURLWithPath: segment))
    bytes[bytes.count / 2] ^= 0x10
    try bytes.write(to: URL(fileURLWithPath: segment))
    try? FileManager.default.removeItem(atPath: cli.data + "/cache")
    #expect(cli.run(["verify"]).status == 4)
    #expect(cli.run(["visitor", "add", "--name", "Blocked"]).status == 4)
  }

  @Test func noTerminalIsSix() {
    let (cli, _) = Self.office()
    let result = cli.run(["ui"])
    #expect(result.status == 6, "\(result.err)")
  }

  @Test func aFullStandardOutputIsSeven() throws {
    let (cli, _) = Self.office()
    for arguments in [
      ["day"], ["queue", "list", "--json"], ["report", "month", "2026-11", "--format", "csv"],
    ] {
      let err = cli.scratch + "/full.err"
      let pid = try ChildProcess.start(
        [CLI.binary] + arguments, environment: cli.environment, stdout: "/dev/full", stderr: err)
      let status = ChildProcess.exitCode(ChildProcess.wait(pid))
      let message = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
      #expect(status == 7, "\(arguments): \(message)")
      #expect(message.contains("Não foi possível escrever a saída"), "\(message)")
    }
  }

  @Test func jsonErrorsAreOneObjectOnStderr() throws {
    let (cli, _) = Self.office()
    let result = cli.run(["visitor", "show", "V-NOPE-00", "--json", "--lang", "en"])
    #expect(result.status == 2 && result.out.isEmpty)
    let error = try CLI.error(result)
    #expect(error["code"] as? String == "visitor.unknown")
    #expect(error["status"] as? Int == 2 && error["kind"] as? String == "not-found")
    #expect((error["message"] as? String)?.contains("V-NOPE-00") == true)
    let wrong = cli.run(["day", "--json"], environment: ["GAIDESK_PASSPHRASE": "not-the-passphrase"])
    #expect(try CLI.error(wrong)["kind"] as? String == "wrong-passphrase")
  }

  @Test func globalOptionsComeBeforeTheSubcommandToo() throws {
    let (cli, _) = Self.office()
    let elsewhere = CLI()
    let before = elsewhere.run(["--data", cli.data, "--lang", "en", "queue", "add", "--name", "Lamine Sow"])
    #expect(before.status == 0 && before.out.contains("A-001"), "\(before.err)")
    let list = try CLI.items(elsewhere.run(["--json", "--data=" + cli.data, "queue", "list"]))
    #expect(list.count == 1)
    let help = cli.run(["--lang", "en", "day", "--help"])
    #expect(help.status == 0 && help.out.contains("USAGE: gaidesk day"))
  }

  @Test func aMistypedSubcommandGetsDidYouMean() {
    let cli = CLI()
    let top = cli.run(["reprot", "month", "2026-11"])
    #expect(top.status == 2 && top.err.contains("«reprot»") && top.err.contains("«report»"), "\(top.err)")
    let nested = cli.run(["referral", "sugest", "--lang", "en"])
    #expect(
      nested.err.contains("“suggest”") && nested.err.contains("gaidesk referral --help"), "\(nested.err)")
    let language = cli.run(["--lang", "xx", "day"])
    #expect(language.status == 1 && language.err.contains("pt, en ou fr"), "\(language.err)")
  }

  @Test func versionNamesTheProgramAndTheJournalFormat() throws {
    let cli = CLI()
    let version = cli.run(["--version"])
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("VERSION")
    let expected = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(
      in: .whitespacesAndNewlines)
    #expect(version.status == 0)
    #expect(version.out.hasPrefix("gaidesk \(expected) (formato do diário "), "\(version.out)")
    #expect(cli.run(["--version", "--lang", "fr"]).out.contains("format du journal"))
  }
}
