import Foundation
import GAIDesk

/// The partner directory and knowledge sheets as the screens need them, from the core's
/// ``PartnerDirectory`` and ``KnowledgeBase`` (office edits included).
public struct Directory: Sendable {
  /// The office's partner directory.
  public let partners: PartnerDirectory
  /// The office's knowledge sheets.
  public let knowledge: KnowledgeBase

  /// The directory as `state` has it.
  public init(state: OfficeState) {
    partners = PartnerDirectory(state: state)
    knowledge = KnowledgeBase(state: state)
  }

  /// Active partners, in directory order.
  public var activePartners: [Partner] { partners.active() }

  /// The partner with `code`.
  public func partner(_ code: String) -> Partner? { partners.partner(code) }

  /// The sheet of `topic`.
  public func sheet(_ topic: String) -> KnowledgeSheet? { knowledge.sheet(topic) }

  /// Every topic that has a sheet, in taxonomy order.
  public var sheets: [KnowledgeSheet] { ReferenceData.shipped.topics.compactMap { knowledge.sheet($0.code) } }

  /// Partners for a visit's `topics`, best first: one per partner and topic it serves (the core's ranking,
  /// with the office's knowledge sheets).
  public func suggestions(topics: [String], island: String?, languages: [String]) -> [PartnerSuggestion] {
    partners.suggest(topics: topics, island: island, languages: languages, sheet: sheet)
  }
}
