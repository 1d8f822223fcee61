import ArgumentParser
import GAIDesk

/// `gaidesk settings …`: office settings that travel with the journal.
struct SettingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "settings", abstract: Help.t("Show or change the office's settings."),
    subcommands: [Lock.self])

  struct Lock: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Show or change when desks lock and wipe their keys (administrators)."),
      discussion: Help.examples("settings.lock"))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("Minutes without a key before the screen locks (1 to 30; default 3)."))
    var idleMinutes: Int?
    @Option(help: Help.t("Minutes locked before the keys are wiped from memory (5 to 60; default 15)."))
    var wipeMinutes: Int?
    @Option(help: Help.t("Hours after the passphrase before the keys are wiped (1 to 12; default 10)."))
    var sessionHours: Int?

    func run() throws {
      let change = LockTimesChange(
        idleMinutes: idleMinutes, wipeMinutes: wipeMinutes, sessionHours: sessionHours)
      // Out of bounds is said before the passphrase is asked for.
      options.applyLanguage()
      try change.validate()
      let office = try options.open()
      let times =
        change.isEmpty
        ? office.state.lockTimes : try office.setLockTimes(change, staff: try options.actor(office))
      if options.json {
        return Console.json([
          "idleMinutes": times.idleMinutes, "wipeMinutes": times.wipeMinutes,
          "sessionHours": times.sessionHours,
        ])
      }
      Console.say(
        "settings.lock.show", String(times.idleMinutes), String(times.wipeMinutes), String(times.sessionHours)
      )
    }
  }
}
