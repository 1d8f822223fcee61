import GAIDesk

/// The words argument-parser writes into every help (its headings, the `--help` and `--version` lines, the
/// defaults and the pointer to a subcommand's help), put in the interface language; the rest of the help is
/// GAIDesk's own text, already translated.
enum ParserWords {
  /// `help` as argument-parser wrote it, with its own words in `language`.
  static func translate(_ help: String, into language: Language = Console.language) -> String {
    guard language != .english else { return help }
    func word(_ key: String, _ args: [String] = []) -> String {
      Strings.shared.text("help.parser." + key, args, language: language)
    }
    let headings = [
      "OVERVIEW:": "overview", "USAGE:": "usage", "ARGUMENTS:": "arguments", "OPTIONS:": "options",
      "SUBCOMMANDS:": "subcommands",
    ]
    return help.split(separator: "\n", omittingEmptySubsequences: false).map { part in
      var line = String(part)
      if let heading = headings.keys.first(where: { line.hasPrefix($0) }) {
        line = word(headings[heading]!) + line.dropFirst(heading.count)
      }
      line = line.replacingOccurrences(of: "Show the version.", with: word("version"))
      line = line.replacingOccurrences(of: "Show help information.", with: word("help"))
      line = line.replacing(/\(default: ([^)]*)\)/) { word("default", [String($0.1)]) }
      line = line.replacing(/\(default\)/) { _ in word("defaultCommand") }
      return line.replacing(/See '([^']*)' for detailed help\./) { word("see", [String($0.1)]) }
    }.joined(separator: "\n")
  }
}
