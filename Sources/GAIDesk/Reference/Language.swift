/// A language the program speaks to its users.
public enum Language: String, CaseIterable, Sendable, Codable {
  case portuguese = "pt"
  case english = "en"
  case french = "fr"

  /// The language named by a code such as `pt`, `en`, `fr` or a locale like `en_GB.UTF-8`.
  public init?(code: String) {
    let prefix = String(code.lowercased().prefix(2))
    guard let language = Language(rawValue: prefix) else { return nil }
    self = language
  }

  /// Whether `count` takes the singular in this language: one in Portuguese (as written in Cabo Verde) and
  /// English, zero and one in French.
  public func isSingular(_ count: Int) -> Bool {
    switch self {
    case .portuguese, .english: count == 1
    case .french: count == 0 || count == 1
    }
  }
}
