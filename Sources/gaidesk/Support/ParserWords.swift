import Foundation
import GAIDesk

/// The words argument-parser writes into every help (its headings, the `--help` and `--version` lines, the
/// defaults and the pointer to a subcommand's help), put in the interface language; the rest of the help is
/// GAIDesk's own text, already translated. The English of `help.parser.*` is the parser's own wording.
enum ParserWords {
  /// `help` as argument-parser wrote it, with its own words in `language`.
  static func translate(_ help: String, into language: Language = Console.language) -> String {
    guard language != .english else { return help }
    func word(_ key: String, _ args: [String] = [], in language: Language = language) -> String {
      Strings.shared.text("help.parser." + key, args, language: language)
    }
    let headings = ["overview", "usage", "arguments", "options", "subcommands"].map {
      (english: word($0, in: .english), translated: word($0))
    }
    let phrases = ["version", "help"].map { (english: word($0, in: .english), translated: word($0)) }
    return help.split(separator: "\n", omittingEmptySubsequences: false).map { part in
      var line = String(part)
      if let heading = headings.first(where: { line.hasPrefix($0.english) }) {
        line = heading.translated + line.dropFirst(heading.english.count)
      }
      for phrase in phrases { line = line.replacing(phrase.english, with: phrase.translated) }
      line = line.replacing(/\(default: ([^)]*)\)/) { word("default", [String($0.1)]) }
      if let match = line.firstMatch(of: /^(.*)\(default\)( *)(.*)$/) {
        line = keepingColumn(
          String(match.1) + word("defaultCommand"), of: match.output.0, text: String(match.3))
      }
      return line.replacing(/See '([^']*)' for detailed help\./) { word("see", [String($0.1)]) }
    }.joined(separator: "\n")
  }

  /// An argument-parser error message (`message(for:)`) in `language`, as one sentence: the parser's own
  /// sentence translated (its English is the English of `help.parser.error.*`), the names and values it
  /// quotes kept as typed; a message of the program's own is already translated.
  static func translateError(_ message: String, into language: Language = Console.language) -> String {
    let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
    let translated =
      language == .english
      ? message
      : errorKeys.lazy.compactMap { key -> String? in
        let english = Strings.shared.text("help.parser.error." + key, language: .english)
        guard let match = message.wholeMatch(of: pattern(english)) else { return nil }
        let values = match.output.dropFirst().map { $0.substring.map(String.init) ?? "" }
        return Strings.shared.text("help.parser.error." + key, values, language: language)
      }.first ?? message
    return ".?!".contains(translated.last ?? ".") ? translated : translated + "."
  }

  /// The parser's error sentences, the longer of two that begin alike first.
  private static let errorKeys = [
    "unknownOptionMeant", "unknownOption", "missingValue", "noValue", "unexpectedMany", "unexpected",
    "missingArgument", "missingOneOf", "invalidValueOf", "invalidValueBecause", "invalidValue", "repeated",
    "missingSubcommand",
  ]

  /// A regular expression that matches `template` with each `{n}` standing for any text.
  private static func pattern(_ template: String) -> Regex<AnyRegexOutput> {
    let escaped = NSRegularExpression.escapedPattern(for: template)
    let holes = escaped.replacing(/\\\{[0-9]\\\}/) { _ in "(.*)" }
    // The templates are the program's own: a pattern that does not compile is a bug in the tables.
    return (try? Regex(holes)) ?? Regex(/(?!)/)
  }

  /// `head` (a subcommand's name with its translated "(default)") followed by `text` in the column where
  /// `line` had it, or on the next line at that column when `head` no longer leaves two spaces before it.
  private static func keepingColumn(_ head: String, of line: Substring, text: String) -> String {
    guard !text.isEmpty else { return head }
    let column = line.count - text.count
    let padding = column - head.count
    let gap =
      padding >= 2 ? String(repeating: " ", count: padding) : "\n" + String(repeating: " ", count: column)
    return head + gap + text
  }
}
