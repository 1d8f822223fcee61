import Foundation
import GAIDesk
import GAIDeskResources

/// A partner service visitors are referred to, as shipped in `partners.json`.
public struct Partner: Decodable, Equatable, Sendable {
  /// Code, e.g. `def`.
  public let code: String
  /// Full name.
  public let name: String
  /// Short name, e.g. `DEF`.
  public let short: String?
  /// Kind (government, health, ngo…).
  public let kind: String?
  /// Topic codes handled.
  public let topics: [String]
  /// Island codes served (`*` for all).
  public let islands: [String]
  /// Telephone, when confirmed.
  public let phone: String?
  /// E-mail, when confirmed.
  public let email: String?
  /// Address, when confirmed.
  public let address: String?
  /// Whether the contact details are still to confirm.
  public let toConfirm: Bool?
  /// A note per language code.
  public let note: [String: String]?

  /// Whether the partner serves `island`.
  public func serves(island: String?) -> Bool {
    guard let island else { return true }
    return islands.contains("*") || islands.contains(island)
  }
}

/// What to ask, which documents and what to tell, for one topic in one language.
public struct SheetText: Decodable, Equatable, Sendable {
  /// Questions to ask.
  public let ask: [String]
  /// Documents to bring.
  public let documents: [String]
  /// What to tell the visitor.
  public let tell: [String]
}

/// A knowledge sheet for a topic, as shipped in `sheets.json`.
public struct KnowledgeSheet: Decodable, Equatable, Sendable {
  /// The topic code.
  public let topic: String
  /// The day it was last reviewed.
  public let reviewed: String?
  /// Partner codes to send the visitor to.
  public let partners: [String]
  let pt: SheetText
  let en: SheetText
  let fr: SheetText

  /// The text in `language`.
  public func text(_ language: Language) -> SheetText {
    switch language {
    case .portuguese: pt
    case .english: en
    case .french: fr
    }
  }
}

/// The partner directory and knowledge sheets the screens show.
///
/// Read from the shipped files until the core's directory (issue 3) is available to the app.
public struct Directory: Sendable {
  /// The shipped directory, loaded once.
  public static let shipped = Directory(
    partners: load("partners.json") ?? [], sheets: load("sheets.json") ?? [])

  /// The partners, in file order.
  public let partners: [Partner]
  /// The sheets, in file order.
  public let sheets: [KnowledgeSheet]

  /// Creates a directory.
  public init(partners: [Partner], sheets: [KnowledgeSheet]) {
    self.partners = partners
    self.sheets = sheets
  }

  /// The partner with `code`.
  public func partner(_ code: String) -> Partner? { partners.first { $0.code == code } }

  /// The sheet of `topic`.
  public func sheet(_ topic: String) -> KnowledgeSheet? { sheets.first { $0.topic == topic } }

  /// Partners for `topics` on `island`, best first: the sheet's partners, then the most topics matched.
  public func suggestions(topics: [String], island: String?) -> [Partner] {
    guard !topics.isEmpty else { return [] }
    let recommended = Set(topics.compactMap { sheet($0) }.flatMap(\.partners))
    let scored = partners.enumerated().compactMap { index, partner -> (Int, Int, Partner)? in
      guard partner.serves(island: island) else { return nil }
      let matched = topics.filter { partner.topics.contains($0) }.count
      guard matched > 0 else { return nil }
      let score = matched * 2 + (recommended.contains(partner.code) ? 3 : 0)
      return (score, index, partner)
    }
    return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.2)
  }

  private static func load<T: Decodable>(_ name: String) -> T? {
    guard let url = ResourceLocator.url(for: name), let data = try? Data(contentsOf: url) else { return nil }
    return try? JSONDecoder().decode(T.self, from: data)
  }
}
