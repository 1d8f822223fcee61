import Foundation
import GAIDeskResources

/// An island of Cabo Verde.
public struct Island: Codable, Equatable, Sendable {
  /// Code, e.g. `santiago`.
  public let code: String
  /// Name, e.g. `Santiago`.
  public let name: String
}

/// A municipality (concelho): each GAI office belongs to one.
public struct Municipality: Codable, Equatable, Sendable {
  /// Code, e.g. `praia`.
  public let code: String
  /// Name, e.g. `Praia`.
  public let name: String
  /// The island's code.
  public let island: String
}

/// Something named in the three languages of the program.
public protocol Trilingual {
  /// Portuguese name.
  var pt: String { get }
  /// English name.
  var en: String { get }
  /// French name.
  var fr: String { get }
}

extension Trilingual {
  /// The name in `language`.
  public func label(_ language: Language) -> String {
    switch language {
    case .portuguese: pt
    case .english: en
    case .french: fr
    }
  }
}

/// A name in the three languages of the program.
public struct LabelledCode: Codable, Equatable, Sendable, Trilingual {
  /// The code (ISO 3166 country, ISO 639 language, topic…).
  public let code: String
  /// Portuguese name.
  public let pt: String
  /// English name.
  public let en: String
  /// French name.
  public let fr: String
}

/// A topic of the taxonomy: an area (entry, residence, integration) and a sub-topic.
public struct Topic: Codable, Equatable, Sendable, Trilingual {
  /// Code, e.g. `residence.renewal`.
  public let code: String
  /// Area code, e.g. `residence`.
  public let area: String
  /// Portuguese label.
  public let pt: String
  /// English label.
  public let en: String
  /// French label.
  public let fr: String
  /// Set when naming the topic on paper the visitor carries could put them at risk (`discreet` in
  /// topics.json): the slip then names neither it nor its documents.
  private let discreet: Bool?

  /// Whether a slip for this topic must not name it (nor the documents that would tell it).
  public var isDiscreet: Bool { discreet == true }
}

/// The reference data shipped in `Resources/data`: places, countries, languages, topics.
public struct ReferenceData: Sendable {
  /// The shipped data, loaded once.
  public static let shipped = ReferenceData()

  /// The 9 inhabited islands.
  public let islands: [Island]
  /// The 22 municipalities.
  public let municipalities: [Municipality]
  /// ISO 3166 countries.
  public let countries: [LabelledCode]
  /// Languages met at the desk.
  public let languages: [LabelledCode]
  /// Service areas: entry, residence, integration.
  public let areas: [LabelledCode]
  /// Topics, grouped by area.
  public let topics: [Topic]
  /// Where each code stands in `countries`, `languages` and `municipalities`: a lookup at every
  /// registration probes a table instead of comparing the code with every entry.
  private let countryIndex: [String: Int]
  private let languageIndex: [String: Int]
  private let municipalityIndex: [String: Int]

  private struct Places: Codable {
    let islands: [Island]
    let municipalities: [Municipality]
  }

  private struct Topics: Codable {
    let areas: [LabelledCode]
    let topics: [Topic]
  }

  init() {
    let places: Places? = ReferenceData.load("places.json")
    islands = places?.islands ?? []
    municipalities = places?.municipalities ?? []
    countries = ReferenceData.load("countries.json") ?? []
    languages = ReferenceData.load("languages.json") ?? []
    let topics: Topics? = ReferenceData.load("topics.json")
    areas = topics?.areas ?? []
    self.topics = topics?.topics ?? []
    countryIndex = ReferenceData.index(countries.map(\.code))
    languageIndex = ReferenceData.index(languages.map(\.code))
    municipalityIndex = ReferenceData.index(municipalities.map(\.code))
  }

  /// Each code's first place in `codes` (as `first { $0.code == code }` finds it).
  private static func index(_ codes: [String]) -> [String: Int] {
    Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
  }

  static func load<T: Decodable>(_ name: String) -> T? {
    guard let data = ResourceLocator.data(for: name) else { return nil }
    return try? JSONDecoder().decode(T.self, from: data)
  }

  /// The municipality with `code`.
  public func municipality(_ code: String) -> Municipality? {
    municipalityIndex[code].map { municipalities[$0] }
  }
  /// The municipality `code` names, else the refusal: the code meant when `code` is close to one (its name,
  /// or a code or name without its hyphens and accents or a letter or two off), and the valid codes.
  public func requireMunicipality(_ code: String) throws -> Municipality {
    if let found = municipality(code) { return found }
    let valid = municipalities.map(\.code).joined(separator: ", ")
    guard let meant = municipality(closeTo: code) else { throw GAIDeskError(.officeUnknown, code, valid) }
    throw GAIDeskError(.officeUnknownNear, code, meant.code, valid)
  }

  /// The municipality whose code or name is fewest edits from `text` (case, accents and anything but letters
  /// and digits aside), when two at most.
  func municipality(closeTo text: String) -> Municipality? {
    func letters(_ text: String) -> String { SearchText.tokens(text).joined() }
    let typed = letters(text)
    guard !typed.isEmpty else { return nil }
    let scored = municipalities.map { place in
      (
        place,
        min(
          SearchText.editDistance(typed, letters(place.code)),
          SearchText.editDistance(typed, letters(place.name)))
      )
    }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
    return best.0
  }

  /// The country with ISO code `code` (any case).
  public func country(_ code: String) -> LabelledCode? {
    (countryIndex[code] ?? countryIndex[code.uppercased()]).map { countries[$0] }
  }
  /// The language with code `code` (any case).
  public func language(_ code: String) -> LabelledCode? {
    (languageIndex[code] ?? languageIndex[code.lowercased()]).map { languages[$0] }
  }
  /// The topic with `code`.
  public func topic(_ code: String) -> Topic? { topics.first { $0.code == code } }
  /// The island with `code`.
  public func island(_ code: String) -> Island? { islands.first { $0.code == code } }
}
