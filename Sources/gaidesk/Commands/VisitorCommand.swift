import ArgumentParser
import GAIDesk

/// `gaidesk visitor …`: register, find and show visitors.
struct VisitorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "visitor", abstract: Help.t("Register, find and show visitors."),
    subcommands: [Add.self, Find.self, Show.self, ConsentCommand.self, Merge.self, Unmerge.self])

  /// Registration fields shared by `visitor add` and `queue add --name`.
  struct Fields: ParsableArguments {
    @Option(help: Help.t("Sex: F, M or X.")) var sex: String?
    @Option(help: Help.t("Year of birth (1900 to this year).")) var birthYear: String?
    @Option(help: Help.t("Nationality as an ISO 3166 code, e.g. GW, SN, NG.")) var nationality: String?
    @Option(help: Help.t("Telephone number.")) var phone: String?
    @Option(help: Help.t("Language spoken (ISO 639 code); repeat for several.")) var language: [String] = []
    @Option(help: Help.t("Another name or spelling; repeat for several.")) var alias: [String] = []
    @Option(help: Help.t("Municipality of residence (code).")) var municipality: String?
    @Option(help: Help.t("Identity document type, e.g. passport.")) var documentType: String?
    @Option(help: Help.t("Identity document number.")) var documentNumber: String?
    @Option(help: Help.t("Consent to store the data: yes or no.")) var consentStore: String?
    @Option(help: Help.t("Consent to share with partners: yes or no.")) var consentShare: String?

    func form(name: String) throws -> VisitorForm {
      var form = VisitorForm(fullName: name)
      if let sex {
        guard let value = Sex(rawValue: sex.uppercased()) else { throw GAIDeskError(.fieldSex, sex) }
        form.sex = value
      }
      form.birthYear = try Validation.birthYear(typed: birthYear, today: LocalTime.today())
      form.nationality = try Validation.country(typed: nationality)
      form.phone = phone
      form.languages = language
      form.aliases = alias
      form.municipality = municipality
      if documentType != nil || documentNumber != nil {
        form.document = IdentityDocument(type: documentType ?? "", number: documentNumber ?? "")
      }
      form.consentToStore = try consentStore.map { try YesNo.parse($0, field: "consent-store") }
      form.consentToShare = try consentShare.map { try YesNo.parse($0, field: "consent-share") }
      return form
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Register a visitor and print the new id."), discussion: Help.examples("visitor.add"))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("Full name.")) var name: String
    @OptionGroup var fields: Fields
    @Flag(help: Help.t("Register even when the visitor probably exists already.")) var force = false

    func run() throws {
      let office = try options.open()
      let form = try fields.form(name: name)
      if !force { try VisitorCommand.refuseDuplicates(of: form, in: office, json: options.json) }
      let visitor = try office.registerVisitor(form, staff: try options.actor(office))
      if options.json { Console.json(JSONView.visitor(visitor)) } else { print(visitor.id) }
    }
  }

  struct Find: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Find visitors by name, alias, phone or document."),
      discussion: Help.examples("visitor.find"), aliases: ["search"])
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("What to look for; case, accents, word order and small typos are ignored."))
    var query: String
    @Option(help: Help.t("At most this many results (1 to 100000).")) var limit = 20

    func run() throws {
      options.applyLanguage()
      let limit = try Validation.count(limit, field: "limit", in: 1...VisitorSearch.maxResults)
      let office = try options.open()
      let hits = office.visitorSearch().find(query, in: office.state, limit: limit)
      let visitors = hits.compactMap { office.state.visitors[$0.visitorID] }
      if options.json { return Console.json(visitors.map(JSONView.visitor)) }
      if visitors.isEmpty {
        return Console.say(
          "visitor.find.none", Console.line(String(query.prefix(VisitorSearch.maxQueryLength))))
      }
      for v in visitors {
        let details = [v.birthYear.map(String.init), v.nationality, v.phone].compactMap { $0 }.joined(
          separator: ", ")
        print("\(Console.pad(v.id, 14)) \(v.fullName)\(details.isEmpty ? "" : "  (\(details))")")
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Show a visitor with visit and referral history."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The visitor id.")) var id: String

    func run() throws {
      let office = try options.open()
      let state = office.state
      guard let visitor = state.visitors[id] else { throw GAIDeskError(.visitorUnknown, id) }
      let group = Set(state.mergedGroup(visitor.id))
      let visits = group.flatMap { state.visitsByVisitor[$0] ?? [] }.compactMap { state.visits[$0] }
        .sorted { $0.arrivedAt < $1.arrivedAt }
      let referrals = state.allReferrals.filter { group.contains($0.visitorID) }
      let followUps = state.allFollowUps.filter { group.contains($0.visitorID) }
      let conflicts = state.visitorConflicts.filter { group.contains($0.visitorID) }
      let today = LocalTime.today()
      if options.json {
        var out = JSONView.visitor(visitor)
        out["visits"] = visits.map { JSONView.visit($0, state: state) }
        out["referrals"] = referrals.map { JSONView.referral($0, today: today) }
        out["followUps"] = followUps.map(JSONView.followUp)
        out["conflicts"] = conflicts.map { conflict in
          [
            "visitor": conflict.visitorID, "fields": VisitorFieldNames.of(conflict.fields).map(\.field),
            "replaced": VisitorFieldNames.of(conflict.fields).map { $0.value(conflict.overwritten) ?? "" },
            "keptBy": conflict.keptBy, "keptDay": LocalTime.day(conflict.keptAt),
          ] as [String: Any]
        }
        return Console.json(out)
      }
      print("\(visitor.fullName)  [\(visitor.id)]")
      if let merged = visitor.mergedInto { Console.say("visitor.show.merged", merged) }
      let rows: [(String, String?)] = [
        ("field.aliases", visitor.aliases.isEmpty ? nil : visitor.aliases.joined(separator: ", ")),
        ("field.sex", visitor.sex?.rawValue), ("field.birthYear", visitor.birthYear.map(String.init)),
        (
          "field.nationality",
          visitor.nationality.flatMap { ReferenceData.shipped.country($0)?.label(Console.language) }
        ),
        ("field.languages", visitor.languages.isEmpty ? nil : visitor.languages.joined(separator: ", ")),
        ("field.phone", visitor.phone),
        ("field.municipality", visitor.municipality.flatMap { ReferenceData.shipped.municipality($0)?.name }),
        ("field.document", visitor.document.map { "\($0.type) \($0.number)" }),
        ("field.consentStore", visitor.consentToStore.map { YesNo.describe($0) }),
        ("field.consentShare", visitor.consentToShare.map { YesNo.describe($0) }),
      ]
      for (key, value) in rows {
        if let value { print("  \(Console.pad(Console.text(key), 22)) \(Console.line(value))") }
      }
      Console.say("visitor.show.visits", String(visits.count))
      for v in visits {
        print(
          "  \(Console.day(v.day)) \(v.ticket) \(Console.text("status.\(v.status.rawValue)")) \(v.topics.map(Console.topic).joined(separator: "; "))"
        )
      }
      Console.say("visitor.show.referrals", String(referrals.count))
      for r in referrals {
        print(
          "  \(r.id) \(r.partner) \(Console.topic(r.topic)) \(Console.text("referral.\(r.status.rawValue)"))\(r.due.map { " → \(Console.day($0))" } ?? "")"
        )
      }
      Console.say("visitor.show.followups", String(followUps.count))
      for f in followUps {
        print("  \(f.id) \(Console.day(f.on)) \(f.doneAt == nil ? "○" : "✓") \(Console.line(f.note))")
      }
      guard !conflicts.isEmpty else { return }
      Console.say("visitor.show.conflicts", String(conflicts.count))
      for conflict in conflicts {
        for name in VisitorFieldNames.of(conflict.fields) {
          Console.say(
            "visitor.show.conflict", Console.text(name.key),
            name.value(conflict.overwritten).map(Console.line) ?? "—",
            conflict.keptBy, LocalTime.day(conflict.keptAt))
        }
      }
    }
  }

  /// The details of a visitor by field, with their label key and how they print.
  enum VisitorFieldNames {
    struct Name: Sendable {
      let field: String
      let key: String
      let value: @Sendable (Visitor) -> String?
    }

    static let all: [(VisitorFields, Name)] = [
      (.fullName, Name(field: "fullName", key: "field.fullName") { $0.fullName }),
      (.aliases, Name(field: "aliases", key: "field.aliases") { $0.aliases.joined(separator: ", ") }),
      (.sex, Name(field: "sex", key: "field.sex") { $0.sex?.rawValue }),
      (.birth, Name(field: "birth", key: "field.birthYear") { $0.birthYear.map(String.init) }),
      (.nationality, Name(field: "nationality", key: "field.nationality") { $0.nationality }),
      (.languages, Name(field: "languages", key: "field.languages") { $0.languages.joined(separator: ", ") }),
      (.phone, Name(field: "phone", key: "field.phone") { $0.phone }),
      (.residence, Name(field: "residence", key: "field.municipality") { $0.municipality }),
      (
        .document,
        Name(field: "document", key: "field.document") { $0.document.map { "\($0.type) \($0.number)" } }
      ),
      (
        .consentToStore,
        Name(field: "consentToStore", key: "field.consentStore") {
          $0.consentToStore.map { YesNo.describe($0) }
        }
      ),
      (
        .consentToShare,
        Name(field: "consentToShare", key: "field.consentShare") {
          $0.consentToShare.map { YesNo.describe($0) }
        }
      ),
    ]

    /// The names of the fields in `fields`, in display order.
    static func of(_ fields: VisitorFields) -> [Name] { all.filter { fields.contains($0.0) }.map(\.1) }
  }

  struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "consent", abstract: Help.t("Record consent to store and to share."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The visitor id.")) var id: String
    @Option(help: Help.t("Consent to store the data: yes or no.")) var store: String?
    @Option(help: Help.t("Consent to share with partners: yes or no.")) var share: String?

    func run() throws {
      let office = try options.open()
      try office.recordConsent(
        visitorID: id, store: try store.map { try YesNo.parse($0, field: "store") },
        share: try share.map { try YesNo.parse($0, field: "share") }, staff: try options.actor(office))
      if options.json {
        Console.json(JSONView.visitor(office.state.visitors[id]!))
      } else {
        Console.say("consent.done", id)
      }
    }
  }
}

extension VisitorCommand {
  /// Lists the registered visitors who are probably the person in `form` and stops, unless there are none.
  static func refuseDuplicates(of form: VisitorForm, in office: Office, json: Bool) throws {
    let candidates = office.possibleDuplicates(of: form)
    guard !candidates.isEmpty else { return }
    if json {
      Console.json(
        candidates.map { c -> [String: Any] in
          var out = JSONView.visitor(office.state.visitors[c.visitorID]!)
          out["reasons"] = c.orderedReasons.map(\.rawValue)
          return out
        })
    } else {
      Console.say("duplicate.header", String(candidates.count))
      for c in candidates {
        guard let v = office.state.visitors[c.visitorID] else { continue }
        let details = [v.birthYear.map(String.init), v.nationality, v.phone, v.document?.number].compactMap {
          $0
        }
        .joined(separator: ", ")
        let why = c.orderedReasons.map { Console.text("duplicate.\($0.rawValue)") }.joined(separator: ", ")
        print("  \(Console.pad(v.id, 14)) \(v.fullName)\(details.isEmpty ? "" : "  (\(details))")  — \(why)")
      }
    }
    throw GAIDeskError(.visitorDuplicate)
  }

  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t(
        "Merge two records of one person: OTHER is folded into KEEP (reversible with unmerge)."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The record to keep.")) var keep: String
    @Argument(help: Help.t("The record to fold into it.")) var other: String

    func run() throws {
      let office = try options.open()
      try office.mergeVisitors(keep: keep, other: other, staff: try options.actor(office))
      if options.json {
        Console.json(JSONView.visitor(office.state.visitors[other]!))
      } else {
        Console.say("visitor.merged", other, keep)
      }
    }
  }

  struct Unmerge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Undo a merge: OTHER becomes a separate record again."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The record that was kept.")) var keep: String
    @Argument(help: Help.t("The record that was folded into it.")) var other: String

    func run() throws {
      let office = try options.open()
      try office.unmergeVisitors(keep: keep, other: other, staff: try options.actor(office))
      if options.json {
        Console.json(JSONView.visitor(office.state.visitors[other]!))
      } else {
        Console.say("visitor.unmerged", other, keep)
      }
    }
  }
}

/// yes/no answers in any of the three languages.
enum YesNo {
  static func parse(_ text: String, field: String) throws -> Bool {
    switch text.lowercased() {
    case "yes", "y", "sim", "s", "oui", "true", "1": return true
    case "no", "n", "nao", "não", "non", "false", "0": return false
    default: throw GAIDeskError(.fieldYesNo, field, text)
    }
  }

  static func describe(_ consent: Consent) -> String {
    Console.text(consent.granted ? "answer.yes" : "answer.no")
      + " (\(Console.day(consent.date)), \(consent.recordedBy))"
  }
}
