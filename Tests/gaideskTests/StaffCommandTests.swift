import Foundation
import Testing

/// Accounts through the command line: init's recovery code, staff add/list/remove, passphrase change, and the
/// role matrix walked cell by cell, each refusal with its own exit status (10).
@Suite struct StaffCommandTests {
  static let rosa = "rosa-supervisora-2026"
  static let rui = "rui-no-balcao-da-praia"

  /// A fresh office with Ana (administrator, the CLI's passphrase), Rosa (supervisor) and Rui (front desk).
  static func staffed() -> (CLI, recovery: String) {
    let cli = CLI()
    let created = cli.run(["init", "--office", "praia", "--scrypt-log-n", "10", "--json"])
    #expect(created.status == 0, "\(created.err)")
    let object = try? JSONSerialization.jsonObject(with: Data(created.out.utf8)) as? [String: Any]
    for (name, role, passphrase) in [("Rosa", "supervisor", rosa), ("Rui", "front-desk", rui)] {
      let file = cli.scratch + "/\(name).txt"
      FileManager.default.createFile(atPath: file, contents: Data((passphrase + "\n").utf8))
      let added = cli.run([
        "staff", "add", name, "--role", role, "--new-passphrase-file", file, "--scrypt-log-n", "10",
      ])
      #expect(added.status == 0, "\(added.err)")
    }
    return (cli, object?["recoveryCode"] as? String ?? "")
  }

  static func `as`(_ passphrase: String) -> [String: String] { ["GAIDESK_PASSPHRASE": passphrase] }

  @Test func aFrontDeskMonthReportIsRefusedWithItsOwnStatusAndSaysWhoCan() {
    let (cli, _) = StaffCommandTests.staffed()
    let refused = cli.run(
      ["report", "month", "2026-11"], environment: StaffCommandTests.as(StaffCommandTests.rui))
    #expect(refused.status == 10)
    #expect(
      refused.err.contains("Rui (atendimento) não pode exportar relatórios")
        && refused.err.contains("só um(a) supervisor(a) ou administrador(a) pode"), "\(refused.err)")
    #expect(refused.out.isEmpty)
    let json = cli.run(
      ["report", "month", "2026-11", "--json"], environment: StaffCommandTests.as(StaffCommandTests.rui))
    #expect(
      json.err.contains("\"kind\":\"not-allowed\"") && json.err.contains("\"status\":10"), "\(json.err)")
    #expect(
      cli.run(["report", "month", "2026-11"], environment: StaffCommandTests.as(StaffCommandTests.rosa))
        .status == 0)
  }

  @Test func theRoleMatrixHoldsCellByCellThroughTheCommandLine() throws {
    let (cli, _) = StaffCommandTests.staffed()
    let keep = cli.run(["visitor", "add", "--name", "Awa Ndiaye"]).out.trimmingCharacters(
      in: .whitespacesAndNewlines)
    let other = cli.run(["visitor", "add", "--name", "Awa N. Sow"]).out.trimmingCharacters(
      in: .whitespacesAndNewlines)
    // One command per action of docs/ROLES.md; `allowed` is the matrix's row for front desk, supervisor, admin.
    let cells: [(action: String, commands: [[String]], allowed: [Bool])] = [
      ("desk-work", [["visitor", "add", "--name", "Kofi Mensah"]], [true, true, true]),
      ("supervisor-figures", [["day"]], [false, true, true]),
      ("export-reports", [["report", "month", "2026-11", "--format", "csv"]], [false, true, true]),
      (
        "edit-partners", [["partner", "add", "--code", "assoc-{who}", "--name", "Associação {who}"]],
        [false, true, true]
      ),
      ("edit-sheets", [["topic", "edit", "residence.renewal"]], [false, true, true]),
      (
        "merge-visitors", [["visitor", "merge", keep, other], ["visitor", "unmerge", keep, other]],
        [false, true, true]
      ),
      ("repair-history", [["verify", "--accept-missing"]], [false, true, true]),
      ("manage-accounts", [["staff", "role", "Rui", "--role", "front-desk"]], [false, false, true]),
      ("set-lock-times", [["settings", "lock", "--idle-minutes", "5"]], [false, false, true]),
    ]
    for (column, (who, passphrase)) in [
      ("rui", StaffCommandTests.rui), ("rosa", StaffCommandTests.rosa), ("ana", "correct-horse-battery"),
    ].enumerated() {
      for cell in cells {
        for command in cell.commands {
          let arguments = command.map { $0.replacingOccurrences(of: "{who}", with: who) }
          let result = cli.run(arguments, environment: StaffCommandTests.as(passphrase))
          if cell.allowed[column] {
            // Allowed: done, or refused for another reason (verify finds nothing missing), never by role.
            #expect(result.status != 10, "\(who) \(cell.action): \(result.err)")
            #expect(
              result.status == 0 || cell.action == "repair-history", "\(who) \(cell.action): \(result.err)")
          } else {
            #expect(result.status == 10, "\(who) \(cell.action): \(result.status) \(result.err)")
          }
        }
      }
    }
  }

  @Test func staffListRemoveAndPassphraseChange() throws {
    let (cli, recovery) = StaffCommandTests.staffed()
    #expect(recovery.count == 29)
    let list = cli.run(["staff", "list", "--json"])
    let items = try #require(
      (try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [String: Any])?["items"]
        as? [[String: Any]])
    #expect(items.map { $0["name"] as? String } == ["Ana Tavares", "recuperação", "Rosa", "Rui"])
    #expect(
      items.map { $0["role"] as? String } == ["administrator", "administrator", "supervisor", "front-desk"])

    // Rosa may not manage accounts; Ana removes Rui, whose passphrase then opens nothing (status 3).
    #expect(
      cli.run(["staff", "remove", "Rui"], environment: StaffCommandTests.as(StaffCommandTests.rosa)).status
        == 10)
    #expect(cli.run(["staff", "remove", "Rui"]).status == 0)
    let gone = cli.run(["staff", "list"], environment: StaffCommandTests.as(StaffCommandTests.rui))
    #expect(gone.status == 3, "\(gone.err)")
    #expect(cli.run(["visitor", "add", "--name", "Depois da saída"]).status == 0)
    #expect(
      cli.run(["staff", "list"], environment: StaffCommandTests.as(StaffCommandTests.rosa)).status == 0)

    // Rosa changes her passphrase: the old one stops working.
    let file = cli.scratch + "/new.txt"
    FileManager.default.createFile(atPath: file, contents: Data("a-rosa-mudou-de-frase\n".utf8))
    let changed = cli.run(
      ["passphrase", "change", "--new-passphrase-file", file, "--scrypt-log-n", "10"],
      environment: StaffCommandTests.as(StaffCommandTests.rosa))
    #expect(changed.status == 0, "\(changed.err)")
    #expect(
      cli.run(["staff", "list"], environment: StaffCommandTests.as(StaffCommandTests.rosa)).status == 3)
    #expect(
      cli.run(["staff", "list"], environment: StaffCommandTests.as("a-rosa-mudou-de-frase")).status == 0)
    // A short new passphrase is refused (status 1), and the recovery code opens the office.
    FileManager.default.createFile(atPath: file, contents: Data("curta\n".utf8))
    #expect(cli.run(["passphrase", "change", "--new-passphrase-file", file]).status == 1)
    #expect(cli.run(["staff", "list"], environment: StaffCommandTests.as(recovery)).status == 0)
  }
}
