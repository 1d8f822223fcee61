import ArgumentParser
import GAIDesk

/// `gaidesk followup …`: dates on which to check on a visitor.
struct FollowUpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "followup", abstract: Help.t("Set, list and complete follow-ups."),
    subcommands: [Add.self, List.self, Done.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Set a follow-up date for a visitor."), discussion: Help.examples("followup.add"))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("The visitor id.")) var visitor: String
    @Option(help: Help.t("The day, dd/mm/yyyy or YYYY-MM-DD.")) var on: String
    @Option(help: Help.t("What to check.")) var note: String

    func run() throws {
      let office = try options.open()
      let followUp = try office.addFollowUp(
        visitorID: visitor, on: LocalTime.day(typed: on), note: note, staff: try options.actor(office))
      if options.json { Console.json(JSONView.followUp(followUp)) } else { print(followUp.id) }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("List open follow-ups (all, or only those due by today)."))
    @OptionGroup var options: OfficeOptions
    @Flag(help: Help.t("Only those due today or earlier.")) var due = false

    func run() throws {
      let office = try options.open()
      let today = LocalTime.today()
      let items =
        due
        ? FollowUpsDue(state: office.state, day: today).due
        : office.state.allFollowUps.filter { $0.doneAt == nil }
      if options.json { return Console.json(items.map(JSONView.followUp)) }
      if items.isEmpty { return Console.say("followup.list.empty") }
      for f in items {
        print(
          "\(Console.pad(f.id, 14)) \(Console.day(f.on))  \(Console.pad(office.state.visitors[f.visitorID]?.fullName ?? "", 28)) \(Console.line(f.note))"
        )
      }
    }
  }

  struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Help.t("Mark a follow-up done."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The follow-up id.")) var id: String

    func run() throws {
      let office = try options.open()
      let followUp = try office.completeFollowUp(id, staff: try options.actor(office))
      if options.json {
        Console.json(JSONView.followUp(followUp))
      } else {
        Console.say("followup.done", followUp.id)
      }
    }
  }
}
