import ArgumentParser
import Foundation
import GAIDesk

/// The method of a local confirmation, parsed from `--how`.
extension ConfirmationMethod: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// Which line of a sheet `--document N` or `--tell N` names (numbered from 1, as `topic show --sources` prints).
struct SheetLineOptions: ParsableArguments {
  @Option(help: Help.t("The document line number (from 1).")) var document: Int?
  @Option(help: Help.t("The 'what to tell' line number (from 1).")) var tell: Int?

  /// The section and the 0-based index named.
  func line() throws -> (SheetSection, Int) {
    switch (document, tell) {
    case (let n?, nil): return (.documents, n - 1)
    case (nil, let n?): return (.tell, n - 1)
    default: throw GAIDeskError(.sheetLineOption)
    }
  }
}

extension TopicCommand {
  /// Prints a sheet's documents and what to tell, each line numbered, marked with its source and its local
  /// confirmation, then the key.
  static func printSources(topic: String, office: Office, language: Language) {
    var key = SourceKey()
    let knowledge = office.knowledge
    guard let sheet = knowledge.sheet(topic) else { return }
    for section in SheetSection.allCases where section.needsSource {
      print("")
      print(Console.text(section == .documents ? "topic.documents" : "topic.tell"))
      for (index, line) in section.lines(sheet.content(language)).enumerated() {
        let mark = key.mark(
          knowledge.backing(topic: topic, section: section, index: index, language: language))
        print("  \(index + 1). \(line) \(mark)")
        let subject = knowledge.subject(topic: topic, section: section, index: index)
        let confirmed = SourceKey.confirmed(subject.flatMap { office.state.confirmations[$0.key] })
        if !confirmed.isEmpty { print("     ✓ \(confirmed)") }
      }
    }
    key.printKey()
  }

  /// The JSON form of a sheet's lines with their sources and confirmations.
  static func sourcesJSON(topic: String, office: Office, language: Language) -> [String: Any] {
    let knowledge = office.knowledge
    guard let sheet = knowledge.sheet(topic) else { return [:] }
    var out: [String: Any] = [:]
    for section in SheetSection.allCases where section.needsSource {
      out[section.rawValue] = section.lines(sheet.content(language)).enumerated().map { index, line in
        let subject = knowledge.subject(topic: topic, section: section, index: index)
        var item = SourceKey.json(
          knowledge.backing(topic: topic, section: section, index: index, language: language),
          subject.flatMap { office.state.confirmations[$0.key] })
        item["text"] = line
        return item
      }
    }
    return out
  }

  struct Confirm: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Record that a sheet line was checked with the service itself (who, today, how)."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The topic code.")) var topic: String
    @OptionGroup var line: SheetLineOptions
    @Option(help: Help.t("How it was checked: phone, visit or letter.")) var how: ConfirmationMethod
    @Option(help: Help.t("What was said, if useful.")) var note: String?

    func run() throws {
      let office = try options.open()
      let (section, index) = try line.line()
      guard let subject = office.knowledge.subject(topic: topic, section: section, index: index) else {
        throw GAIDeskError(.sheetLine, String(index + 1))
      }
      let confirmation = try office.confirm(
        subject, method: how, note: note, staff: try options.actor(office))
      if options.json {
        return Console.json([
          "topic": topic, "day": confirmation.day, "by": confirmation.by, "how": how.rawValue,
        ])
      }
      Console.say("confirm.saved", topic, confirmation.day)
    }
  }

  struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Correct a sheet line after checking it with the service; the new line is confirmed."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The topic code.")) var topic: String
    @OptionGroup var line: SheetLineOptions
    @Option(help: Help.t("The corrected line in Portuguese.")) var pt: String?
    @Option(help: Help.t("The corrected line in English.")) var en: String?
    @Option(help: Help.t("The corrected line in French.")) var fr: String?
    @Option(help: Help.t("How it was checked: phone, visit or letter.")) var how: ConfirmationMethod
    @Option(help: Help.t("What was said, if useful.")) var note: String?

    func run() throws {
      let office = try options.open()
      let (section, index) = try line.line()
      var texts: [Language: String] = [:]
      texts[.portuguese] = pt
      texts[.english] = en
      texts[.french] = fr
      guard !texts.isEmpty else { throw GAIDeskError(.sheetCorrectText) }
      let sheet = try office.correctSheetLine(
        topic: topic, section: section, index: index, texts: texts, method: how, note: note,
        staff: try options.actor(office))
      if options.json { return Console.json(["topic": sheet.topic, "reviewed": sheet.reviewed]) }
      Console.say("confirm.corrected", topic, sheet.reviewed)
    }
  }

  struct Unconfirmed: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Sheet lines and partner entries not confirmed locally for 12 months, oldest first."))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("Show at most this many (default: all).")) var limit: Int?
    @Flag(help: Help.t("Only partner entries.")) var partners = false

    func run() throws {
      let office = try options.open()
      let items = office.review(language: Console.language).unconfirmed(today: LocalTime.today()).filter {
        if case .partner = $0.subject { return true }
        return !partners
      }
      let shown = limit.map { Array(items.prefix(max(0, $0))) } ?? items
      if options.json {
        return Console.json(
          shown.map { item -> [String: Any] in
            var out = SourceKey.json(item.backing, item.confirmation)
            out["subject"] = item.subject.key
            out["label"] = item.label
            return out
          })
      }
      Console.say("unconfirmed.count", String(items.count))
      for item in shown {
        let when = item.confirmation?.day ?? Console.text("unconfirmed.never")
        let what: String
        switch item.subject {
        case .partner(let code): what = Console.text("unconfirmed.partner", [code])
        case .sheetLine(let topic, let section, _):
          what = Console.text(
            "unconfirmed.line", [topic, Console.text("unconfirmed.section.\(section.rawValue)")])
        }
        print("  \(Console.pad(when, 12)) \(Console.pad(what, 44)) \(item.label)")
      }
    }
  }
}
