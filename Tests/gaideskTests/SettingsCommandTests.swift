import Foundation
import Testing

/// `gaidesk settings lock`: the office's lock times, shown, changed within bounds, refused outside them.
@Suite struct SettingsCommandTests {
  @Test func lockTimesAreShownChangedAndRefusedOutOfBounds() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    let shown = cli.run(["settings", "lock", "--lang", "en"])
    #expect(shown.status == 0, "\(shown.err)")
    #expect(shown.out.contains("after 3 min without a key") && shown.out.contains("15 min locked"))
    #expect(shown.out.contains("10 h of session"))

    for (option, value, bounds) in [
      ("--idle-minutes", "0", "1 and 30"), ("--idle-minutes", "31", "1 and 30"),
      ("--wipe-minutes", "4", "5 and 60"), ("--wipe-minutes", "61", "5 and 60"),
      ("--session-hours", "13", "1 and 12"), ("--session-hours", "0", "1 and 12"),
    ] {
      let refused = cli.run(["settings", "lock", option, value, "--lang", "en"])
      #expect(refused.status == 1, "\(option) \(value)")
      #expect(refused.err.contains("(\(option)) must be between \(bounds) (got \(value))"), "\(refused.err)")
      #expect(refused.err.contains("nothing was changed"))
    }

    let changed = cli.run(["settings", "lock", "--idle-minutes", "5", "--session-hours", "8", "--json"])
    #expect(changed.status == 0, "\(changed.err)")
    let object = try CLI.object(changed)
    #expect(object["idleMinutes"] as? Int == 5)
    #expect(object["wipeMinutes"] as? Int == 15)
    #expect(object["sessionHours"] as? Int == 8)
    let again = try CLI.object(cli.run(["settings", "lock", "--wipe-minutes", "30", "--json"]))
    #expect(again["idleMinutes"] as? Int == 5 && again["wipeMinutes"] as? Int == 30)
    #expect(cli.run(["settings", "lock"]).out.contains("após 5 min sem tecla"))
  }
}
