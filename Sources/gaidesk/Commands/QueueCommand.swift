import ArgumentParser
import GAIDesk

/// `gaidesk queue …`: the day's queue from arrival to done or left.
struct QueueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "queue", abstract: Help.t("Serve the day's queue: arrivals, calls, done, left."),
    subcommands: [Add.self, Call.self, Return.self, Done.self, Left.self, UndoLeft.self, List.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Issue a ticket to a visitor (registered, or new by --name)."),
      discussion: Help.examples("queue.add"))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("A registered visitor's id.")) var visitor: String?
    @Option(help: Help.t("A new visitor's full name (registers the visitor).")) var name: String?
    @OptionGroup var fields: VisitorCommand.Fields
    @Flag(help: Help.t("With --name: register even when the visitor probably exists already.")) var force =
      false
    @Flag(
      help: Help.t(
        "With --visitor: a second ticket even though the visitor still holds an open one (waiting or being served)."
      )) var again = false

    func validate() throws {
      guard (visitor == nil) != (name == nil) else { throw ValidationError(Console.text("queue.add.which")) }
    }

    func run() throws {
      let office = try options.open()
      let staff = try options.actor(office)
      let visit: Visit
      if let visitor {
        visit = try office.arrive(visitorID: visitor, staff: staff, again: again)
      } else {
        let form = try fields.form(name: name!)
        if !force { try VisitorCommand.refuseDuplicates(of: form, in: office, json: options.json) }
        visit = try office.arrive(newVisitor: form, staff: staff).1
      }
      if options.json {
        Console.json(JSONView.visit(visit, state: office.state))
      } else {
        print(visit.ticket)
      }
    }
  }

  struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Call the longest-waiting ticket (or a given one) to a desk."),
      discussion: Help.examples("queue.call"))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("The desk, e.g. 1 or B.")) var desk: String?
    @Argument(help: Help.t("A particular ticket (default: the longest waiting).")) var ticket: String?
    @Flag(help: Help.t("Call even though the desk still has a ticket called (being served or not yet come)."))
    var again = false

    func run() throws {
      let office = try options.open()
      let staff = try options.actor(office)
      let visit =
        try ticket.map { try office.call(ticket: $0, desk: desk, staff: staff, again: again) }
        ?? office.callNext(desk: desk, staff: staff, again: again)
      if options.json { return Console.json(JSONView.visit(visit, state: office.state)) }
      let name = Console.line(office.state.visitors[visit.visitorID]?.fullName ?? "")
      Console.say("queue.called", visit.ticket, name, visit.desk ?? "—")
    }
  }

  struct Return: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "return",
      abstract: Help.t(
        "Put a ticket called by mistake back in the queue: it waits again as before the call."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The ticket, e.g. A-007.")) var ticket: String

    func run() throws {
      let office = try options.open()
      let visit = try office.returnToQueue(ticket: ticket, staff: try options.actor(office))
      if options.json { return Console.json(JSONView.visit(visit, state: office.state)) }
      Console.say("queue.returned", visit.ticket, LocalTime.clock(visit.arrivedAt))
    }
  }

  struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Close a served ticket with its topics and outcome."),
      discussion: Help.examples("queue.done"))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The ticket, e.g. A-007.")) var ticket: String
    @Option(help: Help.t("Topic code, e.g. residence.renewal; repeat for several.")) var topic: [String] = []
    @Option(help: Help.t("The outcome in a few words.")) var outcome: String?
    @Option(help: Help.t("A note.")) var note: String?

    func run() throws {
      let office = try options.open()
      let visit = try office.closeVisit(
        VisitClosing(visit: ticket, topics: topic, outcome: outcome, note: note, language: Console.language),
        staff: try options.actor(office)
      ).visit
      if options.json {
        Console.json(JSONView.visit(visit, state: office.state))
      } else {
        Console.say("queue.done", visit.ticket)
      }
    }
  }

  struct Left: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Mark a ticket as left without service."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The ticket, e.g. A-007.")) var ticket: String

    func run() throws {
      let office = try options.open()
      let visit = try office.markLeft(ticket: ticket, staff: try options.actor(office))
      if options.json {
        Console.json(JSONView.visit(visit, state: office.state))
      } else {
        Console.say("queue.left", visit.ticket)
      }
    }
  }

  struct UndoLeft: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "undo",
      abstract: Help.t(
        "Undo 'left without service' of a ticket, within 10 minutes: it goes back to the queue."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The ticket, e.g. A-007.")) var ticket: String

    func run() throws {
      let office = try options.open()
      let visit = try office.reopenLeft(ticket: ticket, staff: try options.actor(office))
      if options.json {
        Console.json(JSONView.visit(visit, state: office.state))
      } else {
        Console.say("queue.reopened", visit.ticket, Console.text("status.\(visit.status.rawValue)"))
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t(
        "List the tickets of a day (default: today's queue, with yesterday's tickets still open)."))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("The day, dd/mm/yyyy or YYYY-MM-DD.")) var date: String?

    func run() throws {
      let office = try options.open()
      // Today's queue keeps the visits still open from the day before; another day lists its own tickets.
      // The day is read once, so the list and its heading name the same day across midnight.
      let chosen = try Validation.date(Console.typedDay(date), field: "date")
      let day = chosen ?? LocalTime.today()
      let visits = chosen == nil ? office.state.queue(on: day) : office.state.visits(on: day)
      if options.json { return Console.json(visits.map { JSONView.visit($0, state: office.state) }) }
      if visits.isEmpty { return Console.say("queue.list.empty", day) }
      for v in visits {
        let name = Console.line(office.state.visitors[v.visitorID]?.fullName ?? "")
        let status = Console.pad(Console.text("status.\(v.status.rawValue)"), 14)
        print(
          "\(v.ticket)  \(LocalTime.clock(v.arrivedAt))  \(status) \(Console.pad(v.desk ?? "", 4)) \(name)")
      }
    }
  }
}
