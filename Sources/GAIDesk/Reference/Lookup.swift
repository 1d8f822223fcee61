import Foundation

extension ReferenceData {
  /// Country codes for a code or a name typed in any of the three languages (accents, case and word order
  /// ignored): exact names first, then names whose words start with what was typed.
  public func countryCodes(matching text: String) -> [String] {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return [] }
    if trimmed.count <= 3, let country = country(trimmed) { return [country.code] }
    let typed = SearchText.tokens(trimmed)
    guard !typed.isEmpty else { return [] }
    var exact: [String] = []
    var partial: [String] = []
    for country in countries {
      let names = [country.pt, country.en, country.fr].map(SearchText.tokens)
      if names.contains(typed) {
        exact.append(country.code)
      } else if names.contains(where: { words in
        typed.allSatisfy { part in words.contains { $0.hasPrefix(part) } }
      }) {
        partial.append(country.code)
      }
    }
    return exact + partial
  }

  /// The language codes for a comma-separated list of codes, names in any of the three languages, or the first
  /// words of one name ("cabo-verdiano"); the first part naming none is thrown as `error.field.language`, one
  /// that starts several names ("crioulo") as `error.field.languageAmbiguous` with their codes.
  public func languageCodes(in text: String) throws -> [String] {
    var codes: [String] = []
    for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
    where !part.isEmpty {
      let code = try languageCode(part)
      if !codes.contains(code) { codes.append(code) }
    }
    return codes
  }

  /// The code of one language typed as a code, a full name, or the first words of exactly one name.
  private func languageCode(_ part: String) throws -> String {
    if let language = language(part) { return language.code }
    let folded = SearchText.fold(part)
    let names = { (language: LabelledCode) in [language.pt, language.en, language.fr] }
    if let exact = languages.first(where: { names($0).contains { SearchText.fold($0) == folded } }) {
      return exact.code
    }
    let typed = SearchText.tokens(part)
    let starting =
      typed.isEmpty
      ? []
      : languages.filter { language in
        names(language).map(SearchText.tokens).contains { words in
          typed.allSatisfy { part in words.contains { $0.hasPrefix(part) } }
        }
      }
    guard starting.count <= 1 else {
      throw GAIDeskError(.fieldLanguageAmbiguous, part, starting.map(\.code).joined(separator: ", "))
    }
    guard let only = starting.first else { throw GAIDeskError(.fieldLanguage, part) }
    return only.code
  }
}

/// Yes and no typed in Portuguese, English or French.
public enum YesNoAnswer {
  /// True for yes (sim, s, yes, y, oui, o, true, 1), false for no (não, nao, n, no, non, false, 0), else nil.
  public static func parse(_ text: String) -> Bool? {
    switch SearchText.fold(text.trimmingCharacters(in: .whitespaces)) {
    case "sim", "s", "yes", "y", "oui", "o", "true", "1": true
    case "nao", "n", "no", "non", "false", "0": false
    default: nil
    }
  }
}
