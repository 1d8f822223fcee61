import ArgumentParser
import GAIDesk

/// `gaidesk referral …`: referrals to partner services and their status.
struct ReferralCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "referral", abstract: "Refer visitors to partner services and follow the referrals.",
    subcommands: [Add.self, Set.self, List.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Refer a visitor to a partner for a topic.")
    @OptionGroup var options: OfficeOptions
    @Option(help: "The visitor id.") var visitor: String
    @Option(help: "The partner code.") var partner: String
    @Option(help: "The topic code.") var topic: String
    @Option(help: "Due date, YYYY-MM-DD.") var due: String?
    @Option(help: "A note.") var note: String?

    func run() throws {
      let office = try options.open()
      let referral = try office.refer(
        visitorID: visitor, partner: partner, topic: topic, due: due, note: note, staff: try options.actor())
      if options.json { Console.json(JSONView.referral(referral, today: LocalTime.today())) } else { print(referral.id) }
    }
  }

  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change a referral's status: sent, accepted, completed, rejected, no-show, cancelled.")
    @OptionGroup var options: OfficeOptions
    @Argument(help: "The referral id.") var id: String
    @Argument(help: "The new status.") var status: String
    @Option(help: "Why (rejected, no-show): client-declined, partner-capacity, could-not-contact, not-eligible, other.")
    var reason: String?
    @Option(help: "A note.") var note: String?

    func run() throws {
      let office = try options.open()
      guard let status = ReferralStatus(rawValue: status) else {
        throw GAIDeskError("error.referral.status", status, ReferralStatus.allCases.map(\.rawValue).joined(separator: ", "))
      }
      let reason = try self.reason.map { text in
        guard let reason = ReferralReason(rawValue: text) else {
          throw GAIDeskError("error.referral.badReason", text, ReferralReason.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return reason
      }
      let referral = try office.setReferral(id, status: status, reason: reason, note: note, staff: try options.actor())
      if options.json {
        Console.json(JSONView.referral(referral, today: LocalTime.today()))
      } else {
        Console.say("referral.set", referral.id, Console.text("referral.\(referral.status.rawValue)"))
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List referrals, optionally by status or overdue.")
    @OptionGroup var options: OfficeOptions
    @Option(help: "Only this status.") var status: String?
    @Flag(help: "Only those past their due date and not closed.") var overdue = false

    func run() throws {
      let office = try options.open()
      let today = LocalTime.today()
      if let status, ReferralStatus(rawValue: status) == nil {
        throw GAIDeskError("error.referral.status", status, ReferralStatus.allCases.map(\.rawValue).joined(separator: ", "))
      }
      let referrals = office.state.allReferrals.filter {
        (status == nil || $0.status.rawValue == status) && (!overdue || $0.isOverdue(today: today))
      }
      if options.json { return Console.json(referrals.map { JSONView.referral($0, today: today) }) }
      if referrals.isEmpty { return Console.say("referral.list.empty") }
      for r in referrals {
        let name = office.state.visitors[r.visitorID]?.fullName ?? r.visitorID
        let flag = r.isOverdue(today: today) ? " " + Console.text("referral.overdue") : ""
        print("\(Console.pad(r.id, 14)) \(Console.pad(Console.text("referral.\(r.status.rawValue)"), 12)) \(Console.pad(r.partner, 14)) \(Console.pad(r.topic, 28)) \(r.due ?? "—")\(flag)  \(name)")
      }
    }
  }
}
