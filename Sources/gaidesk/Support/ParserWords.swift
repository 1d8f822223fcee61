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
