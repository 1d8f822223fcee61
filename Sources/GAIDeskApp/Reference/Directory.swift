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

  /// Partners for any of `topics`, best first (the core's ranking per topic, best score kept).
  public func suggestions(topics: [String], island: String?, languages: [String]) -> [Partner] {
    var best: [String: (score: Int, order: Int, partner: Partner)] = [:]
    var order = 0
    for topic in topics {
      for suggestion in partners.suggest(
        topic: topic, island: island, languages: languages, sheet: sheet(topic))
      {
        order += 1
        let code = suggestion.partner.code
        if let known = best[code], known.score >= suggestion.score { continue }
        best[code] = (suggestion.score, best[code]?.order ?? order, suggestion.partner)
      }
    }
    return best.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }.map(
      \.partner)
  }
}
