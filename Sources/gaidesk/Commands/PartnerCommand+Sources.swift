import ArgumentParser
import GAIDesk

extension PartnerCommand {
  /// Prints what a partner's entry rests on and its latest local confirmation.
  static func printSources(_ code: String, office: Office) {
    var key = SourceKey()
    let mark = key.mark(office.partners.backing(code))
    print("  \(Console.pad(Console.text("sources.entry"), 12)) \(mark)")
    let confirmed = SourceKey.confirmed(office.state.confirmations[KnowledgeSubject.partner(code: code).key])
    print(
      "  \(Console.pad("", 12)) \(confirmed.isEmpty ? Console.text("unconfirmed.never") : "✓ " + confirmed)")
    key.printKey()
  }

  struct Confirm: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Record that a partner's entry was checked with the service itself (who, today, how).")
    )
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The partner code.")) var code: String
    @Option(help: Help.t("How it was checked: phone, visit or letter.")) var how: ConfirmationMethod
    @Option(help: Help.t("What was said, if useful.")) var note: String?

    func run() throws {
      let office = try options.open()
      let confirmation = try office.confirm(
        .partner(code: code), method: how, note: note, staff: try options.actor(office))
      if options.json {
        return Console.json([
          "code": code, "day": confirmation.day, "by": confirmation.by, "how": how.rawValue,
        ])
      }
      Console.say("confirm.saved", code, confirmation.day)
    }
  }

  struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        Help.t(
          "Correct a partner's entry after checking it with the service; the corrected entry is confirmed."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The partner code.")) var code: String
    @OptionGroup var fields: Fields
    @Option(help: Help.t("How it was checked: phone, visit or letter.")) var how: ConfirmationMethod
    // --note is the partner's description (Fields); what was said goes in --check-note.
    @Option(name: .customLong("check-note"), help: Help.t("What was said, if useful.")) var checkNote: String?

    func run() throws {
      let office = try options.open()
      let language = Console.language
      let partner = try office.correctPartner(
        code, method: how, note: checkNote, staff: try options.actor(office)
      ) {
        try fields.apply(to: &$0, noteLanguage: language)
      }
      if options.json { return Console.json(PartnerCommand.json(partner)) }
      Console.say("confirm.corrected", code, LocalTime.today())
    }
  }
}
