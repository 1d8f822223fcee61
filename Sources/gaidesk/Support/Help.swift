import ArgumentParser
import GAIDesk

/// Help text in the interface language: the English text is the key of its pt, en and fr versions in
/// `Resources/data/strings/help.json` (as gettext's msgid), so a missing translation shows the English.
enum Help {
  /// `english` in the interface language.
  static func t(_ english: String) -> String {
    Strings.shared.has(english) ? Strings.shared.text(english, language: Console.language) : english
  }

  /// `english` in the interface language, as an option's help.
  static func t(_ english: String) -> ArgumentHelp { ArgumentHelp(t(english) as String) }

  /// The "Exemplos" section of a command (`help.examples.KEY`), after an optional text key.
  static func examples(_ key: String, after text: String? = nil) -> String {
    let lines = Strings.shared.text("help.examples." + key, language: Console.language)
      .split(separator: "\n").map { "  " + $0 }
    let section = ([Console.text("help.examples")] + lines).joined(separator: "\n")
    return text.map { Console.text($0) + "\n\n" + section } ?? section
  }
}
