import ArgumentParser
import Foundation
import GAIDesk

/// `gaidesk referral …`: referrals to partner services and their status.
struct ReferralCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "referral", abstract: Help.t("Refer visitors to partner services and follow the referrals."),
    subcommands: [Add.self, Set.self, List.self, Suggest.self, Slip.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Refer a visitor to a partner for a topic."), discussion: Help.examples("referral.add")
    )
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("The visitor id.")) var visitor: String
    @Option(help: Help.t("The partner code.")) var partner: String
    @Option(help: Help.t("The topic code.")) var topic: String
    @Option(help: Help.t("Due date, dd/mm/yyyy or YYYY-MM-DD.")) var due: String?
    @Option(help: Help.t("A note.")) var note: String?

    func run() throws {
      let office = try options.open()
      let referral = try office.refer(
        visitorID: visitor, partner: partner, topic: topic, due: Console.typedDay(due), note: note,
        staff: try options.actor(office))
      if options.json {
        Console.json(JSONView.referral(referral, today: LocalTime.today()))
      } else {
        print(referral.id)
      }
    }
  }

  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t(
        "Change a referral's status: sent, accepted, completed, rejected, no-show, cancelled."),
      discussion: Help.examples("referral.set"))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The referral id.")) var id: String
    @Argument(
      help: Help.t("The new status."), completion: .list(ReferralStatus.allCases.map(\.rawValue)))
    var status: String
    @Option(
      help:
        Help.t(
          "Why (rejected, no-show): client-declined, partner-capacity, could-not-contact, not-eligible, other."
        ))
    var reason: String?
    @Option(help: Help.t("A note.")) var note: String?

    func run() throws {
      let office = try options.open()
      let status = try StatusWords.referral(status)
      let reason = try self.reason.map { text in
        guard let reason = ReferralReason(rawValue: text) else {
          throw GAIDeskError(
            .referralBadReason, text, ReferralReason.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return reason
      }
      let referral = try office.setReferral(
        id, status: status, reason: reason, note: note, staff: try options.actor(office))
      if options.json {
        Console.json(JSONView.referral(referral, today: LocalTime.today()))
      } else {
        Console.say("referral.set", referral.id, Console.text("referral.\(referral.status.rawValue)"))
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("List referrals, optionally by status or overdue."))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("Only this status."), completion: .list(ReferralStatus.allCases.map(\.rawValue)))
    var status: String?
    @Flag(help: Help.t("Only those past their due date and not closed.")) var overdue = false

    func run() throws {
      let office = try options.open()
      let today = LocalTime.today()
      let wanted = try status.map(StatusWords.referral)
      let referrals = office.state.allReferrals.filter {
        (wanted == nil || $0.status == wanted) && (!overdue || $0.isOverdue(endOf: today))
      }
      if options.json { return Console.json(referrals.map { JSONView.referral($0, today: today) }) }
      if referrals.isEmpty { return Console.say("referral.list.empty") }
      // Columns as wide as their widest word in this language, so the names start in one column.
      let rows = referrals.map { r in
        [
          r.id, Console.text("referral.\(r.status.rawValue)"), r.partner, Console.topic(r.topic),
          (r.due.map(Console.day) ?? "—")
            + (r.isOverdue(endOf: today) ? " " + Console.text("referral.overdue") : ""),
          Console.line(office.state.visitors[r.visitorID]?.fullName ?? r.visitorID),
        ]
      }
      let widths = (0..<5).map { column in rows.map { Console.columns($0[column]) }.max() ?? 0 }
      for row in rows {
        print(zip(row, widths).map { Console.pad($0, $1) }.joined(separator: " ") + "  " + row[5])
      }
    }
  }

  struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        Help.t(
          "Rank partners for a visitor and topic: on the office's island, named by the sheet, speaking the visitor's language."
        )
    )
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("The visitor id.")) var visitor: String
    @Option(help: Help.t("The topic code.")) var topic: String
    @Option(help: Help.t("At most this many partners (1 to 100).")) var limit = 10

    func run() throws {
      options.applyLanguage()
      let limit = try Validation.count(limit, field: "limit", in: 1...100)
      let office = try options.open()
      let suggestions = Array(try office.suggestPartners(visitorID: visitor, topic: topic).prefix(limit))
      if options.json {
        return Console.json(
          suggestions.map { s -> [String: Any] in
            [
              "partner": s.partner.code, "name": s.partner.name, "score": s.score,
              "presence": s.presence.rawValue,
              "recommended": s.recommended, "sharedLanguages": s.sharedLanguages,
              "toConfirm": s.partner.toConfirm,
            ]
          })
      }
      if suggestions.isEmpty { return Console.say("suggest.none", topic) }
      for (index, s) in suggestions.enumerated() {
        var why = [Console.text("suggest.\(s.presence.rawValue)")]
        if s.recommended { why.append(Console.text("suggest.recommended")) }
        if !s.sharedLanguages.isEmpty {
          why.append(Console.text("suggest.speaks", [s.sharedLanguages.joined(separator: ", ")]))
        }
        print("\(index + 1). \(Console.pad(s.partner.code, 30)) \(s.partner.name)")
        print("   " + why.joined(separator: "; "))
      }
    }
  }

  struct Slip: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        Help.t(
          "Print a referral slip for the visitor: where to go and what to bring (--lang pt|en|fr, default the visitor's language)."
        ), discussion: Help.examples("referral.slip")
    )
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The referral id.")) var id: String
    @Flag(help: Help.t("Send it to the default printer with lp.")) var print = false

    func run() throws {
      let office = try options.open()
      // --lang chooses the slip's language; without it, the visitor's first language among pt/en/fr.
      let language = try options.lang.map { code in
        guard let language = Language(rawValue: code.lowercased()) else {
          throw GAIDeskError(.slipLanguage, code)
        }
        return language
      }
      let slip = try ReferralSlip.make(referralID: id, state: office.state, language: language)
      if options.json {
        return Console.json([
          "language": slip.language.rawValue, "referral": slip.referralID, "lines": slip.lines,
        ])
      }
      guard print else { return Swift.print(slip.text, terminator: "") }
      let printer = try Printer.printOnDefault(slip.text)
      Console.say("slip.printed", printer)
    }
  }
}
