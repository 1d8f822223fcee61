/// Finds visitors by name, alias, phone or document number: case, accents, word order and small typos ignored.
public struct VisitorSearch {
  /// A visitor found, with its score (lower is better).
  public struct Hit: Equatable, Sendable {
    /// The visitor's id.
    public let visitorID: String
    /// 0 for exact words; more for prefixes and typos.
    public let score: Int
  }

  private struct Entry {
    let id: String
    let words: [[Character]]
    let digits: [String]
  }

  private var entries: [Entry] = []
  private var known: Set<String> = []

  /// An index of the visitors in `state` (merged records left out).
  public init(state: OfficeState) { update(with: state) }

  /// Adds visitors registered since the index was built or last updated.
  public mutating func update(with state: OfficeState) {
    for id in state.visitorOrder where !known.contains(id) {
      guard let visitor = state.visitors[id] else { continue }
      known.insert(id)
      let words = ([visitor.fullName] + visitor.aliases).flatMap(SearchText.tokens).map { Array($0) }
      let digits = [visitor.phone, visitor.document?.number].compactMap { $0 }.map(SearchText.digits).filter { !$0.isEmpty }
      entries.append(Entry(id: id, words: words, digits: digits))
    }
  }

  /// The best matches for `query`, best first, at most `limit`, skipping records merged into another.
  public func find(_ query: String, in state: OfficeState, limit: Int = 20) -> [Hit] {
    let terms = SearchText.tokens(query).map { Array($0) }
    let queryDigits = SearchText.digits(query)
    guard !terms.isEmpty else { return [] }
    var hits: [Hit] = []
    for entry in entries {
      if state.visitors[entry.id]?.mergedInto != nil { continue }
      if queryDigits.count >= 4, queryDigits.count * 2 >= query.filter({ !$0.isWhitespace }).count {
        if entry.digits.contains(where: { $0.contains(queryDigits) }) { hits.append(Hit(visitorID: entry.id, score: 0)) }
        continue
      }
      var total = 0
      var matched = true
      for term in terms {
        guard let best = entry.words.map({ VisitorSearch.score(term, $0) }).min(), best < Int.max else {
          matched = false
          break
        }
        total += best
      }
      if matched { hits.append(Hit(visitorID: entry.id, score: total)) }
    }
    hits.sort { $0.score != $1.score ? $0.score < $1.score : $0.visitorID < $1.visitorID }
    return Array(hits.prefix(limit))
  }

  /// How well a query word matches a name word: 0 exact, 1 prefix, 2–3 one or two typos, `Int.max` none.
  static func score(_ term: [Character], _ word: [Character]) -> Int {
    if term == word { return 0 }
    if word.starts(with: term) { return 1 }
    let allowed = term.count >= 7 ? 2 : term.count >= 4 ? 1 : 0
    guard allowed > 0 else { return Int.max }
    let whole = SearchText.distance(term, word, limit: allowed)
    if whole <= allowed { return 1 + whole }
    if word.count > term.count {
      let prefix = SearchText.distance(term, Array(word.prefix(term.count)), limit: allowed)
      if prefix <= allowed { return 2 + prefix }
    }
    return Int.max
  }
}
