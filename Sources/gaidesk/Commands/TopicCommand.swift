import ArgumentParser
import Foundation
import GAIDesk

/// `gaidesk topic …`: the topic taxonomy and each topic's knowledge sheet.
struct TopicCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "topic",
    abstract: Help.t("Topics and their knowledge sheets: what to ask, which documents, where to send."),
    subcommands: [List.self, Find.self, Show.self, Edit.self, Confirm.self, Correct.self, Unconfirmed.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Help.t("List the topics by service area."))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("Only this area: entry, residence or integration.")) var area: String?

    func run() throws {
      options.applyLanguage()
      let reference = ReferenceData.shipped
      let topics = reference.topics.filter { area == nil || $0.area == area }
      if options.json {
        return Console.json(
          topics.map { ["code": $0.code, "area": $0.area, "label": $0.label(Console.language)] })
      }
      for area in reference.areas where topics.contains(where: { $0.area == area.code }) {
        print(area.label(Console.language))
        for topic in topics where topic.area == area.code {
          print("  \(Console.pad(topic.code, 42)) \(topic.label(Console.language))")
        }
      }
    }
  }

  struct Find: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Find topics by words of their name or of their sheet, in any of the three languages.")
    )
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("Words to find, e.g. casamento.")) var words: [String]

    func run() throws {
      let office = try options.open()
      let found = office.knowledge.topics(matching: words.joined(separator: " "))
      if options.json {
        return Console.json(
          found.map {
            [
              "code": $0.topic.code, "label": $0.topic.label(Console.language),
              "foundIn": $0.match == .topic ? "topic" : "sheet",
            ]
          })
      }
      guard !found.isEmpty else {
        print(Console.text("ui.finder.none"))
        throw ExitCode(ExitStatus.notFound.rawValue)
      }
      for match in found {
        let suffix = match.match == .sheet ? " · " + Console.text("ui.finder.inSheet") : ""
        print("\(Console.pad(match.topic.code, 42)) \(match.topic.label(Console.language))\(suffix)")
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Show a topic's sheet: what to ask, documents, partners, what to tell, last review."),
      discussion: Help.examples("topic.show"))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The topic code, e.g. residence.renewal.")) var topic: String
    @Flag(help: Help.t("Number the lines and show each one's source, its local confirmation and the key."))
    var sources = false

    func run() throws {
      let office = try options.open()
      _ = try Validation.topics([topic])
      let language = Console.language
      guard let sheet = office.knowledge.sheet(topic) else {
        throw GAIDeskError(.sheetMissing, topic)
      }
      let content = sheet.content(language)
      let directory = office.partners
      if options.json {
        var out: [String: Any] = [
          "topic": topic, "reviewed": sheet.reviewed, "partners": sheet.partners,
          "edited": office.knowledge.isEdited(topic),
          "ask": content.ask, "documents": content.documents, "tell": content.tell,
          "language": language.rawValue,
        ]
        out["reviewedBy"] = sheet.reviewedBy
        if sources {
          out["sources"] = TopicCommand.sourcesJSON(topic: topic, office: office, language: language)
        }
        return Console.json(out)
      }
      let label = ReferenceData.shipped.topic(topic)?.label(language) ?? topic
      print("\(label)  [\(topic)]")
      let reviewed =
        sheet.reviewedBy.map { Console.text("topic.reviewedBy", [sheet.reviewed, $0]) }
        ?? Console.text("topic.reviewed", [sheet.reviewed])
      print(reviewed)
      func section(_ key: String, _ lines: [String], bullet: String) {
        print("")
        print(Console.text(key))
        if lines.isEmpty { print("  —") }
        for line in lines { print("  \(bullet) \(line)") }
      }
      section("topic.ask", content.ask, bullet: "?")
      if !sources { section("topic.documents", content.documents, bullet: "[ ]") }
      print("")
      print(Console.text("topic.partners"))
      for code in sheet.partners {
        guard let p = directory.partner(code) else { continue }
        let contacts = [p.phone, p.email, p.address].compactMap { $0 }
        let where_ =
          contacts.isEmpty || p.toConfirm
          ? (contacts + [Console.text("partner.toConfirm")]).joined(separator: "; ")
          : contacts.joined(separator: "; ")
        print(
          "  → \(p.name)\(p.short.map { " (\($0))" } ?? "")\(p.active ? "" : " " + Console.text("partner.retiredMark")): \(where_)"
        )
      }
      if sources { return TopicCommand.printSources(topic: topic, office: office, language: language) }
      section("topic.tell", content.tell, bullet: "•")
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        Help.t(
          "Record the office's version of a sheet (a supervisor's edit; with no option, marks it reviewed today)."
        ),
      discussion: Help.t(
        "--ask, --document and --tell replace those lists in the language of --lang (default: the interface language). --from-file reads a JSON object like an entry of Resources/data/sheets.json ({\"partners\": [...], \"pt\": {\"ask\": [...], \"documents\": [...], \"tell\": [...]}, \"en\": {...}, \"fr\": {...}}); the parts it has replace the sheet's."
      ))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The topic code.")) var topic: String
    @Option(help: Help.t("A question to ask; repeat for several.")) var ask: [String] = []
    @Option(help: Help.t("A document usually needed; repeat for several.")) var document: [String] = []
    @Option(help: Help.t("Something to tell the visitor; repeat for several.")) var tell: [String] = []
    @Option(help: Help.t("A partner code that acts; repeat for several (replaces the list).")) var partner:
      [String] =
        []
    @Option(help: Help.t("A JSON file with the sheet's parts.")) var fromFile: String?

    func run() throws {
      let office = try options.open()
      let language = Console.language
      let file = try fromFile.map { try SheetFile.read($0, topic: topic) }
      let sheet = try office.updateSheet(topic: topic, staff: try options.actor(office)) { sheet in
        file?.apply(to: &sheet)
        var content = sheet.content(language)
        if !ask.isEmpty { content.ask = ask }
        if !document.isEmpty { content.documents = document }
        if !tell.isEmpty { content.tell = tell }
        if !ask.isEmpty || !document.isEmpty || !tell.isEmpty { sheet = sheet.setting(language, to: content) }
        if !partner.isEmpty { sheet.partners = partner }
      }
      if options.json {
        Console.json(["topic": sheet.topic, "reviewed": sheet.reviewed])
      } else {
        Console.say("topic.saved", sheet.topic, sheet.reviewed)
      }
    }
  }
}
