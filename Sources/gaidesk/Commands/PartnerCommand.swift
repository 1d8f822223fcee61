import ArgumentParser
import GAIDesk

/// `gaidesk partner …`: the office's partner directory (shipped, plus its own additions and edits).
struct PartnerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "partner",
    abstract: Help.t("The partner directory: list, show, add, change and retire partners."),
    subcommands: [List.self, Show.self, Add.self, Set.self, Retire.self, Confirm.self, Correct.self])

  /// Partner fields shared by `add` and `set`.
  struct Fields: ParsableArguments {
    @Option(help: Help.t("Full name.")) var name: String?
    @Option(help: Help.t("Short name, e.g. DEF.")) var short: String?
    @Option(
      help: Help.t(
        "Kind: government, municipal, health, education, justice, ngo, international, consulate, other."))
    var kind: String?
    @Option(help: Help.t("Topic code it handles; repeat for several (replaces the list).")) var topic:
      [String] = []
    @Option(help: Help.t("Island code it serves, or * for all; repeat for several (replaces the list)."))
    var island: [String] = []
    @Option(help: Help.t("Language it works in (ISO 639); repeat for several (replaces the list)."))
    var language: [String] = []
    @Option(help: Help.t("Telephone (only when known for certain).")) var phone: String?
    @Option(help: Help.t("E-mail (only when known for certain).")) var email: String?
    @Option(help: Help.t("Address (only when known for certain).")) var address: String?
    @Option(help: Help.t("What it does, in the language of --lang.")) var note: String?
    @Option(help: Help.t("Whether contacts are still to be confirmed: yes or no.")) var toConfirm: String?

    func apply(to partner: inout Partner, noteLanguage: Language) throws {
      if let name { partner.name = name }
      if let short { partner.short = short }
      if let kind { partner.kind = kind }
      if !topic.isEmpty { partner.topics = topic }
      if !island.isEmpty { partner.islands = island }
      if !language.isEmpty { partner.languages = language }
      if let phone { partner.phone = phone.isEmpty ? nil : phone }
      if let email { partner.email = email.isEmpty ? nil : email }
      if let address { partner.address = address.isEmpty ? nil : address }
      if let note { partner.note = partner.note.setting(noteLanguage, to: note) }
      if let toConfirm { partner.toConfirm = try YesNo.parse(toConfirm, field: "to-confirm") }
    }
  }

  static func describe(_ p: Partner, language: Language) {
    print(
      "\(p.name)\(p.short.map { " (\($0))" } ?? "")  [\(p.code)]\(p.active ? "" : "  " + Console.text("partner.retiredMark"))"
    )
    let islands = p.islands.map {
      $0 == "*" ? Console.text("partner.allIslands") : ReferenceData.shipped.island($0)?.name ?? $0
    }
    let rows: [(String, String)] = [
      ("partner.kind", p.kind), ("partner.islands", islands.joined(separator: ", ")),
      ("partner.languages", p.languages.joined(separator: ", ")),
      ("partner.phone", p.phone ?? Console.text("partner.toConfirm")),
      ("partner.email", p.email ?? Console.text("partner.toConfirm")),
      ("partner.address", p.address ?? Console.text("partner.toConfirm")),
    ]
    for (key, value) in rows { print("  \(Console.pad(Console.text(key), 12)) \(value)") }
    if p.toConfirm { print("  " + Console.text("partner.confirmNote")) }
    print("  \(Console.text("partner.topics")):")
    for topic in p.topics {
      print("    \(Console.pad(topic, 40)) \(ReferenceData.shipped.topic(topic)?.label(language) ?? "")")
    }
    let note = p.note.text(language)
    if !note.isEmpty { print("  " + note) }
  }

  static func json(_ p: Partner) -> [String: Any] {
    var out: [String: Any] = [
      "code": p.code, "name": p.name, "kind": p.kind, "topics": p.topics, "islands": p.islands,
      "languages": p.languages, "toConfirm": p.toConfirm, "active": p.active,
      "note": ["pt": p.note.pt, "en": p.note.en, "fr": p.note.fr],
    ]
    out["short"] = p.short
    out["phone"] = p.phone
    out["email"] = p.email
    out["address"] = p.address
    return out
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("List active partners, optionally only those handling a topic."),
      discussion: Help.examples("partner.list"))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("Only partners handling this topic.")) var topic: String?
    @Flag(help: Help.t("Include retired partners.")) var all = false

    func run() throws {
      let office = try options.open()
      if let topic { _ = try Validation.topics([topic]) }
      let partners = office.partners.all.filter {
        ($0.active || all) && (topic == nil || $0.topics.contains(topic!))
      }
      if options.json { return Console.json(partners.map(PartnerCommand.json)) }
      if partners.isEmpty { return Console.say("partner.list.empty") }
      for p in partners {
        let islands = p.islands.contains("*") ? "*" : p.islands.joined(separator: ",")
        let flags =
          (p.toConfirm ? " " + Console.text("partner.toConfirmShort") : "")
          + (p.active ? "" : " " + Console.text("partner.retiredMark"))
        print(
          "\(Console.pad(p.code, 32)) \(Console.pad(p.short ?? "", 6)) \(Console.pad(islands, 12)) \(p.name)\(flags)"
        )
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Show a partner: topics, islands, languages, contacts."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The partner code.")) var code: String
    @Flag(help: Help.t("Show what the entry rests on (its source) and its local confirmation.")) var sources =
      false

    func run() throws {
      let office = try options.open()
      guard let partner = office.partners.partner(code) else {
        throw GAIDeskError(.partnerUnknown, code)
      }
      if options.json {
        var out = PartnerCommand.json(partner)
        if sources {
          out["sources"] = SourceKey.json(
            office.partners.backing(code),
            office.state.confirmations[KnowledgeSubject.partner(code: code).key])
        }
        return Console.json(out)
      }
      PartnerCommand.describe(partner, language: Console.language)
      if sources { PartnerCommand.printSources(code, office: office) }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Help.t("Add a partner of the office's own."))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("A new code: lower-case letters, digits and hyphens.")) var code: String
    @OptionGroup var fields: Fields

    func run() throws {
      let office = try options.open()
      var partner = Partner(code: code, name: fields.name ?? "")
      try fields.apply(to: &partner, noteLanguage: Console.language)
      let added = try office.addPartner(partner, staff: try options.actor(office))
      if options.json {
        Console.json(PartnerCommand.json(added))
      } else {
        Console.say("partner.added", added.code)
      }
    }
  }

  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Change a partner's details (list options replace the list)."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The partner code.")) var code: String
    @OptionGroup var fields: Fields
    @Flag(help: Help.t("Make a retired partner active again.")) var reactivate = false

    func run() throws {
      let office = try options.open()
      let language = Console.language
      let partner = try office.updatePartner(code, staff: try options.actor(office)) { partner in
        try fields.apply(to: &partner, noteLanguage: language)
        if reactivate { partner.active = true }
      }
      if options.json {
        Console.json(PartnerCommand.json(partner))
      } else {
        Console.say("partner.updated", partner.code)
      }
    }
  }

  struct Retire: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Retire a partner: no new referrals to it; past ones keep it."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The partner code.")) var code: String

    func run() throws {
      let office = try options.open()
      let partner = try office.retirePartner(code, staff: try options.actor(office))
      if options.json {
        Console.json(PartnerCommand.json(partner))
      } else {
        Console.say("partner.retired", partner.code)
      }
    }
  }
}
