/// The partner directory an office works with: the shipped one with the office's own additions, edits and
/// retirements (journal events, so they travel with sync).
public struct PartnerDirectory: Sendable {
  /// The directory shipped in `Resources/data/partners.json`, in file order.
  public static let shipped: [Partner] = ReferenceData.load("partners.json") ?? []

  /// Every partner, shipped first (in file order) then the office's own, retired ones included.
  public let all: [Partner]
  private let byCode: [String: Int]

  /// The directory as `state` has it.
  public init(state: OfficeState) {
    var partners = PartnerDirectory.shipped
    var index: [String: Int] = [:]
    for (i, partner) in partners.enumerated() { index[partner.code] = i }
    for code in state.partnerOrder {
      guard let partner = state.officePartners[code] else { continue }
      if let i = index[code] {
        partners[i] = partner
      } else {
        index[code] = partners.count
        partners.append(partner)
      }
    }
    all = partners
    byCode = index
  }

  /// The partner with `code` (active or retired).
  public func partner(_ code: String) -> Partner? { byCode[code].map { all[$0] } }

  /// Active partners, optionally only those handling `topic`.
  public func active(topic: String? = nil) -> [Partner] {
    all.filter { $0.active && (topic == nil || $0.topics.contains(topic!)) }
  }

  /// Partners for `topic` ranked for a visitor on `island` speaking `languages` (preferred first): present on
  /// the island before island-wide services before elsewhere, then those the topic's knowledge sheet names
  /// (in its order), then those speaking the visitor's language.
  public func suggest(topic: String, island: String?, languages: [String], sheet: KnowledgeSheet? = nil)
    -> [PartnerSuggestion]
  {
    let recommended = sheet?.partners ?? []
    let suggestions = active(topic: topic).map { partner -> PartnerSuggestion in
      let presence: PartnerSuggestion.Presence =
        island.map { partner.islands.contains($0) } == true
        ? .onIsland
        : partner.islands.contains("*") ? .everyIsland : .elsewhere
      let rank = recommended.firstIndex(of: partner.code)
      let shared = languages.filter(partner.languages.contains)
      var score = 0
      switch presence {
      case .onIsland: score += 400
      case .everyIsland: score += 300
      case .elsewhere: score += 0
      }
      if let rank { score += 100 - min(rank, 50) }
      if let first = languages.first, partner.languages.contains(first) {
        score += 40
      } else if !shared.isEmpty {
        score += 30
      }
      return PartnerSuggestion(
        partner: partner, topic: topic, score: score, presence: presence, recommended: rank != nil,
        sharedLanguages: shared)
    }
    return suggestions.enumerated().sorted { a, b in
      a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
    }.map(\.element)
  }

  /// Partners for a visit's `topics` (in the order ticked), best first: one suggestion per partner and topic
  /// it serves, each ranked as ``suggest(topic:island:languages:sheet:)`` ranks it for that topic (ties in
  /// the order of the topics, then of each topic's ranking). A referral made from a suggestion is recorded
  /// under the suggestion's topic.
  public func suggest(
    topics: [String], island: String?, languages: [String], sheet: (String) -> KnowledgeSheet?
  ) -> [PartnerSuggestion] {
    var seen: Set<String> = []
    let all = topics.filter { seen.insert($0).inserted }.flatMap { topic in
      suggest(topic: topic, island: island, languages: languages, sheet: sheet(topic))
    }
    return all.enumerated().sorted { a, b in
      a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
    }.map(\.element)
  }
}

/// A partner proposed for a referral, with why it ranks where it does.
public struct PartnerSuggestion: Equatable, Sendable {
  /// Where the partner is, seen from the office's island.
  public enum Presence: String, Sendable {
    /// Listed for the office's island.
    case onIsland = "on-island"
    /// A service present on every island (`*`; local presence to confirm).
    case everyIsland = "every-island"
    /// Only on other islands.
    case elsewhere
  }

  /// The partner.
  public let partner: Partner
  /// The topic it is proposed for (a referral made from it is recorded under this topic).
  public let topic: String
  /// Higher is better.
  public let score: Int
  /// Where it is.
  public let presence: Presence
  /// Whether the topic's knowledge sheet names it.
  public let recommended: Bool
  /// The visitor's languages it works in.
  public let sharedLanguages: [String]
}
