import GAIDesk

/// Looks up the interface's strings (`Resources/data/strings/ui.json`, keys prefixed `ui.`) in one language.
public struct Translator: Sendable {
  /// The language shown.
  public var language: Language

  /// Creates a translator for `language`.
  public init(_ language: Language) {
    self.language = language
  }

  /// The text of `ui.<key>` with `{0}`, `{1}`… filled from `args`.
  public func callAsFunction(_ key: String, _ args: String...) -> String {
    Strings.shared.text("ui." + key, args, language: language)
  }

  /// The message of a core error, from the core's own tables, in words people read: field codes
  /// ("due", "staff") become their names ("prazo", "nome de quem atende"), days are shown as dd/mm/aaaa.
  public func error(_ error: GAIDeskError) -> String {
    let args = error.args.map { arg in
      if Strings.shared.has("term." + arg) { return Strings.shared.text("term." + arg, language: language) }
      // A message inside a message (why a key slot was skipped).
      if arg.hasPrefix("error."), Strings.shared.has(arg) {
        return Strings.shared.text(arg, language: language)
      }
      return Strings.shared.has("ui.fieldName." + arg) ? self("fieldName." + arg) : date(arg)
    }
    return Strings.shared.text(error.key, args, language: language)
  }

  /// A YYYY-MM-DD day as people read it in this language (dd/mm/aaaa in Portuguese and French).
  public func date(_ day: String) -> String { LocalTime.shown(day, language: language) }

  /// A topic's label in this language (the code when unknown).
  public func topic(_ code: String) -> String {
    ReferenceData.shipped.topic(code)?.label(language) ?? code
  }

  /// A country's name in this language (the code when unknown).
  public func country(_ code: String?) -> String {
    guard let code else { return "" }
    return ReferenceData.shipped.country(code)?.label(language) ?? code
  }

  /// A key label ("Enter", "Esc/N", "Shift-Tab") with the key names this language's texts use ("Entrée",
  /// "Échap/N", "Maj-Tab" in French).
  public func keys(_ label: String) -> String {
    var result = ""
    var word = ""
    func flush() {
      result += Self.keyNames[word].map { self("keyName." + $0) } ?? word
      word = ""
    }
    for character in label {
      if "/- ".contains(character) {
        flush()
        result.append(character)
      } else {
        word.append(character)
      }
    }
    flush()
    return result
  }

  /// The key names said differently in some language, by their English label, with their string keys.
  private static let keyNames = ["Enter": "enter", "Esc": "escape", "Shift": "shift"]

  /// The next language in the cycle pt → en → fr → pt.
  public static func next(after language: Language) -> Language {
    switch language {
    case .portuguese: .english
    case .english: .french
    case .french: .portuguese
    }
  }
}
