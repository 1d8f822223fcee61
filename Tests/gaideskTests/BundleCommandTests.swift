import Foundation
import Testing

/// Backup, restore on a new PC and bundles both ways, through the built binary.
@Suite struct BundleCommandTests {
  private func json(_ result: CLI.Result) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
  }

  /// The folder is what a user types after `backup`, as with `cp`: `gaidesk backup /media/usb/gai-praia`
  /// backs up like `--to`; two folders, or none, are refused with what to type.
  @Test func backupTakesTheFolderAsItsArgument() throws {
    let a = CLI()
    let stick = a.scratch + "/stick"
    #expect(a.initOffice().status == 0)
    #expect(a.run(["queue", "add", "--name", "Awa Ndiaye"]).status == 0)
    let backup = a.run(["backup", stick, "--json"])
    #expect(backup.status == 0, "\(backup.err)")
    let made = try json(backup)
    #expect(made["folder"] as? String == stick && made["bundle"] is String, "\(made)")
    #expect(a.run(["backup", "--check", stick]).status == 0)
    let again = try json(a.run(["backup", "--to", stick, "--json"]))
    #expect(again["bundle"] is NSNull, "the folder given either way is one backup: \(again)")
    for arguments in [["backup", stick, "--to", stick], ["backup", stick, "--check", stick], ["backup"]] {
      let refused = a.run(arguments, environment: ["GAIDESK_LANG": "en"])
      #expect(refused.status == 1, "\(arguments): \(refused.status) \(refused.err)")
      #expect(refused.err.contains("gaidesk backup DIR"), "\(arguments): \(refused.err)")
    }
  }

  /// The stick's LEIA-ME is read on another PC, from another folder: its commands name the backup by its full
  /// path (quoted when it holds a space) and back up again as the command line does now, `gaidesk backup DIR`.
  @Test func theBackupsLeiaMeGivesCommandsThatWorkFromAnywhere() throws {
    let a = CLI()
    #expect(a.initOffice().status == 0)
    let run = a.wait(
      a.spawn(
        ["/bin/sh", "-c", "cd \"$1\" && exec \"$2\" backup 'PEN USB'", "sh", a.scratch, CLI.binary],
        environment: a.environment, tag: "relative"))
    #expect(run.status == 0, "\(run.err)")
    let folder = a.scratch + "/PEN USB"
    let readme = try String(contentsOfFile: folder + "/LEIA-ME.txt", encoding: .utf8)
    #expect(!readme.contains("--to"), "\(readme)")
    for command in ["gaidesk backup '\(folder)'", "gaidesk backup --check '\(folder)'", "--from '\(folder)'"]
    {
      #expect(readme.components(separatedBy: command).count == 4, "\(command) in pt, en, fr: \(readme)")
    }
  }

  @Test func backupRestoreWorkOnBothAndBundlesBothWays() throws {
    let a = CLI()
    let b = CLI()
    let stick = a.scratch + "/stick"
    #expect(a.initOffice().status == 0)
    #expect(a.run(["queue", "add", "--name", "Awa Ndiaye"]).out.contains("A-001"))
    let backup = a.run(["backup", "--to", stick])
    #expect(backup.status == 0, "\(backup.err)")
    #expect(FileManager.default.fileExists(atPath: stick + "/LEIA-ME.txt"))
    let check = a.run(["backup", "--check", stick, "--json"])
    let checked = try json(check)
    #expect(check.status == 0 && checked["intact"] as? Bool == true)

    // The new PC (its own home, so its own device marks).
    let restore = b.run(["restore", "--from", stick, "--json"])
    #expect(restore.status == 0, "\(restore.err)")
    #expect((try json(restore))["records"] as? Int == 2)  // the accounts, then Awa
    let ticketB = b.run(["queue", "add", "--name", "Kofi Mensah"]).out.trimmingCharacters(
      in: .whitespacesAndNewlines)
    let ticketA = a.run(["queue", "add", "--name", "Lin Wei"]).out.trimmingCharacters(
      in: .whitespacesAndNewlines)
    #expect(ticketA == "A-002" && ticketB.hasSuffix("-001") && !ticketB.hasPrefix("A-"))

    let toB = a.scratch + "/a.gaibundle"
    #expect(a.run(["bundle", "export", "--out", toB]).status == 0)
    let imported = b.run(["bundle", "import", toB, "--json"])
    #expect(imported.status == 0, "\(imported.err)")
    let summary = try json(imported)
    #expect(summary["added"] as? Int == 1 && summary["alreadyHad"] as? Int == 2)
    let toA = b.scratch + "/b.gaibundle"
    #expect(b.run(["bundle", "export", "--since", toB, "--out", toA]).status == 0)
    #expect(a.run(["bundle", "import", toA]).status == 0)

    let listA =
      (try JSONSerialization.jsonObject(with: Data(a.run(["queue", "list", "--json"]).out.utf8))
      as? [String: Any])?["items"] as? [[String: Any]]
    let listB =
      (try JSONSerialization.jsonObject(with: Data(b.run(["queue", "list", "--json"]).out.utf8))
      as? [String: Any])?["items"] as? [[String: Any]]
    let ticketsA = (listA ?? []).compactMap { $0["ticket"] as? String }.sorted()
    #expect(ticketsA.count == 3 && Set(ticketsA).count == 3)
    #expect(ticketsA == (listB ?? []).compactMap { $0["ticket"] as? String }.sorted())
    #expect(a.run(["verify"]).status == 0 && b.run(["verify"]).status == 0)

    // A damaged copy: one line in Portuguese, the damaged status, nothing imported.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: toA))
    bytes[bytes.count - 5] ^= 0x20
    let damaged = a.scratch + "/damaged.gaibundle"
    try bytes.write(to: URL(fileURLWithPath: damaged))
    let refused = b.run(["bundle", "import", damaged])
    #expect(
      refused.status == 4 && refused.err.contains("nada foi importado"), "\(refused.status) \(refused.err)")
    #expect(refused.err.split(separator: "\n").count == 1)

    // The next backup adds the rest; the stick checks out and says so.
    let again = a.run(["backup", "--to", stick, "--json"])
    #expect((try json(again))["records"] as? Int == 2)
    #expect(a.run(["backup", "--check", stick]).out.contains("intacta"))
  }
}
