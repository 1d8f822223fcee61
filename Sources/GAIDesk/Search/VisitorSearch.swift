/// Finds visitors by name, alias, phone or document number: case, accents, word order and small typos ignored.
///
/// The index keeps each distinct folded word once (`tokens`), with the visitors that carry it (`postings`).
/// A query word is looked up exactly and as a prefix (binary search in the words sorted by their scalars) and
/// with typos (Damerau distance, 1 edit for words of 4+ letters, 2 for 7+) by walking the sorted distinct words
/// as a trie, sharing distance rows between neighbours and skipping whole branches already too far. Digits
/// (phone, document) are found through 3-digit grams. Work per keystroke grows with the distinct words near
/// the query, not with the number of visitors.
public struct VisitorSearch: Sendable {
  /// A visitor found, with its score (lower is better).
  public struct Hit: Equatable, Sendable {
    /// The visitor's id.
    public let visitorID: String
    /// 0 when every query word is a whole word of the name; more for prefixes and typos.
    public let score: Int
  }

  /// A visitor in a one-letter list.
  struct LetterHit: Sendable {
    let doc: Int32
    let score: UInt8
  }

  /// One indexed visitor.
  struct Document: Sendable {
    let id: String
    /// Words of the full name (for ranking shorter names first and for duplicate checks).
    let nameWords: Int
  }

  /// The visitors indexed, in the state's registration order (`visitorOrder`): document `i` is its `i`th id.
  private(set) var documents: [Document] = []
  /// Per document, the fingerprint of the details it was indexed from (`SearchFingerprint`): a document
  /// whose visitor's details differ in the state is stale.
  private(set) var fingerprints: [UInt64] = []
  /// The secret key of the fingerprints (kept in the sealed cache with them).
  private(set) var fingerprintKey = SearchFingerprint.Key.random()
  /// Per document, where its digit strings (phone, document number), each followed by `digitSeparator`, start
  /// and end in `digitStore` (a document indexed again has its digits appended anew).
  private(set) var digitStarts: [Int32] = []
  private(set) var digitEnds: [Int32] = []
  private(set) var digitStore: [UInt8] = []
  static let digitSeparator: UInt8 = 0xFF
  /// Per document, the token of its folded document number, or -1.
  private(set) var documentTokens: [Int32] = []
  /// Distinct folded words, by id.
  private(set) var tokens: [[UInt32]] = []
  /// Words interned since `sorted` was last brought up to date (the others are found in `sorted`).
  private var unsortedTokens: [[UInt32]: Int32] = [:]
  /// Visitors per token id.
  private(set) var postings: [[Int32]] = []
  /// Token ids sorted by their scalars, for prefix lookup.
  private(set) var sorted: [Int32] = []
  /// Visitors per 3-digit gram (0…999) of their phone and document digits.
  private(set) var digitGrams: [[Int32]] = Array(repeating: [], count: 1000)
  /// Per first letter of any word, the best visitors for that one letter typed (score 0 for a word that is
  /// the letter alone, 1 for a longer word), best first, at most `letterListSize`: one letter starts words
  /// of most visitors, and walking them all took tens of milliseconds.
  private(set) var letterLists: [UInt32: [LetterHit]] = [:]
  static let letterListSize = 128
  /// What the index is current with, when it was last brought up to date with an office's basis
  /// (`update(with:basis:)`); nil when not known.
  private(set) var basis: SearchBasis?
  /// How many documents the last `update` compared with the state (fingerprints computed).
  @_spi(Testing) public private(set) var checkedLastUpdate = 0

  /// An index of the visitors in `state` (merged records are skipped when searching).
  public init(state: OfficeState) { update(with: state) }

  /// An empty index.
  public init() {}

  /// An index from its parts, as the sealed cache keeps them (`SearchIndexCodec` checks them first).
  init(
    documents: [Document], fingerprints: [UInt64], fingerprintKey: SearchFingerprint.Key,
    digitStarts: [Int32],
    digitEnds: [Int32],
    digitStore: [UInt8], documentTokens: [Int32], tokens: [[UInt32]], postings: [[Int32]], sorted: [Int32],
    digitGrams: [[Int32]], letterLists: [UInt32: [LetterHit]], basis: SearchBasis?
  ) {
    self.documents = documents
    self.fingerprints = fingerprints
    self.fingerprintKey = fingerprintKey
    self.digitStarts = digitStarts
    self.digitEnds = digitEnds
    self.digitStore = digitStore
    self.documentTokens = documentTokens
    self.tokens = tokens
    self.postings = postings
    self.sorted = sorted
    self.digitGrams = digitGrams
    self.letterLists = letterLists
    self.basis = basis
  }

  /// How many visitors are indexed.
  public var count: Int { documents.count }
  /// How many distinct words are indexed.
  public var distinctWords: Int { tokens.count }

  /// Brings the index up to date with `state`, whatever state it was built from, so that it answers as a fresh
  /// index of `state` would: visitors registered since are added; visitors whose details changed (an update, a
  /// record folded again in another order) are indexed again in place; when the registration order is not the
  /// one indexed (records folded again), or most visitors changed, the index is built again. Every indexed
  /// visitor is checked. Returns how many visitors were indexed.
  @discardableResult
  public mutating func update(with state: OfficeState) -> Int { update(with: state, basis: nil) }

  /// `update(with:)` for a state whose basis is `now` (nil: unknown): when the index's own basis has the same
  /// tag, only the visitors either basis touched and those registered after the base state are checked (the
  /// others are as the base state has them, in both); otherwise every one. The index's basis becomes `now`.
  @discardableResult
  public mutating func update(with state: OfficeState, basis now: SearchBasis?) -> Int {
    let order = state.visitorOrder
    var changed: [Int32] = []
    var checked = documents.count
    if let suspects = suspects(sharing: now, order: order) {
      checked = 0
      var fits = true
      for doc in suspects {
        checked += 1
        let id = order[Int(doc)]
        guard documents[Int(doc)].id == id else {
          fits = false
          break
        }
        if fingerprints[Int(doc)] != SearchFingerprint.of(state.visitors[id], key: fingerprintKey) {
          changed.append(doc)
        }
      }
      if !fits || changed.count > documents.count / 4 {
        self = VisitorSearch()
        changed = []
      }
    } else {
      changed = fullCheck(state)
    }
    basis = now
    checkedLastUpdate = checked
    let letters = reindex(changed, in: state)
    let indexed = documents.count
    for id in order[indexed...] { add(id, state.visitors[id]) }
    let added = tokens.count - sorted.count
    if added > 0 {
      if added > 64 || sorted.isEmpty {
        sorted = Array(0..<Int32(tokens.count))
        sorted.sort { VisitorSearch.less(tokens[Int($0)], tokens[Int($1)]) }
      } else {
        for token in Int32(sorted.count)..<Int32(tokens.count) {
          sorted.insert(token, at: lowerBound(tokens[Int(token)]))
        }
      }
      unsortedTokens = [:]
    }
    for letter in letters { rebuildLetterList(letter) }
    return order.count - indexed + changed.count
  }

  /// The documents that may differ from `order` and the state's visitors, ascending, when the index's basis and
  /// `now` name the same base state: those registered after it and those either basis touched. Nil when the
  /// bases differ or do not fit the index (then every document is checked).
  private func suspects(sharing now: SearchBasis?, order: [String]) -> [Int32]? {
    guard let mine = basis, let now, mine.tag == now.tag, mine.visitors == now.visitors,
      mine.visitors <= documents.count, documents.count <= order.count
    else { return nil }
    var touched = mine.touched.union(now.touched)
    var docs: [Int32] = []
    // Registered after the base state: checked whole (their ids were touched, so they leave the set).
    for doc in mine.visitors..<documents.count {
      touched.remove(documents[doc].id)
      docs.append(Int32(doc))
    }
    if touched.isEmpty { return docs }
    // Visitors of the base state touched since (renamed): found among its documents, most ruled out by the
    // filter before the set is asked.
    let filter = IDFilter(touched)
    var before: [Int32] = []
    for doc in 0..<mine.visitors
    where filter.mayContain(documents[doc].id) && touched.contains(documents[doc].id) {
      before.append(Int32(doc))
      if before.count == touched.count { break }
    }
    return before + docs
  }

  /// The documents whose visitor's details differ in `state`, checking every one; the index is emptied (to be
  /// built again) when the registration order is not the one indexed or most visitors changed.
  private mutating func fullCheck(_ state: OfficeState) -> [Int32] {
    let order = state.visitorOrder
    var changed: [Int32] = []
    if order.count < documents.count {
      self = VisitorSearch()
      return []
    }
    for doc in documents.indices {
      let id = order[doc]
      guard documents[doc].id == id else {
        self = VisitorSearch()
        return []
      }
      if fingerprints[doc] != SearchFingerprint.of(state.visitors[id], key: fingerprintKey) {
        changed.append(Int32(doc))
      }
    }
    if changed.count > documents.count / 4 {
      self = VisitorSearch()
      return []
    }
    return changed
  }

  /// Whether every indexed document is the visitor at its place in `state`'s registration order, with the
  /// details it was indexed from.
  func isCurrent(prefixOf state: OfficeState) -> Bool {
    let order = state.visitorOrder
    guard order.count >= documents.count else { return false }
    for doc in documents.indices {
      let id = order[doc]
      guard documents[doc].id == id,
        fingerprints[doc] == SearchFingerprint.of(state.visitors[id], key: fingerprintKey)
      else { return false }
    }
    return true
  }

  private mutating func add(_ id: String, _ visitor: Visitor?) {
    let doc = Int32(documents.count)
    let ids = index(doc, id: id, visitor)
    addToLetterLists(doc, tokens: ids)
  }

  /// Indexes documents `docs` again from their visitors in `state`: out of every posting and digit gram, then
  /// in with their details now. Returns the first letters whose one-letter lists must be made again (once the
  /// words are sorted).
  private mutating func reindex(_ docs: [Int32], in state: OfficeState) -> Set<UInt32> {
    guard !docs.isEmpty else { return [] }
    var isChanged = [Bool](repeating: false, count: documents.count)
    for doc in docs { isChanged[Int(doc)] = true }
    var letters = Set<UInt32>()
    for token in postings.indices where postings[token].contains(where: { isChanged[Int($0)] }) {
      postings[token].removeAll { isChanged[Int($0)] }
      if let letter = tokens[token].first { letters.insert(letter) }
    }
    for gram in digitGrams.indices where digitGrams[gram].contains(where: { isChanged[Int($0)] }) {
      digitGrams[gram].removeAll { isChanged[Int($0)] }
    }
    for doc in docs {
      let id = documents[Int(doc)].id
      for token in index(doc, id: id, state.visitors[id]) {
        if let letter = tokens[Int(token)].first { letters.insert(letter) }
      }
    }
    return letters
  }

  /// Writes document `doc` (a new one when it is `count`) from `visitor`: its postings, digits, grams and
  /// document-number token. Returns its tokens.
  private mutating func index(_ doc: Int32, id: String, _ visitor: Visitor?) -> [Int32] {
    let fingerprint = SearchFingerprint.of(visitor, key: fingerprintKey)
    var nameWords = 0
    var ids: [Int32] = []
    var documentToken: Int32 = -1
    let digitStart = Int32(digitStore.count)
    // A missing visitor (never the case in a folded state) is a document without words, so that documents
    // and ids stay aligned.
    if let visitor {
      func add(_ word: [UInt32]) {
        let token = intern(word)
        if !ids.contains(token) {
          ids.append(token)
          postings[Int(token)].append(doc)
        }
      }
      // The words of the full name, of the aliases, and of their Latin spellings: names in other scripts are
      // also found by their Latin spelling ("maria" finds Мария). Each is folded once, for its words and
      // their sound keys.
      let names = [visitor.fullName] + visitor.aliases
      let folded = (names + names.compactMap(SearchText.latin)).map(FoldedText.init)
      var scratch: [UInt32] = []
      folded[0].forEachWord(&scratch) { word in
        nameWords += 1
        add(word)
      }
      for text in folded.dropFirst() { text.forEachWord(&scratch, add) }
      let document = visitor.document.map { SearchText.tokens($0.number).joined() }.flatMap {
        $0.isEmpty ? nil : Array($0.unicodeScalars.lazy.map(\.value))
      }
      if let document {
        add(document)
        documentToken = intern(document)
      }
      // And each name word as it sounds, under its own mark (found only by `soundHits`).
      var soundScratch = SoundKey.Scratch()
      for text in folded { text.forEachSoundKey(prefix: [VisitorSearch.soundMark], &soundScratch, add) }
      let digits = [visitor.phone, visitor.document?.number].compactMap { $0 }
        .map { $0.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }.filter {
          $0.count >= 3
        }
      var grams: [Int] = []
      for digitString in digits {
        for start in 0...(digitString.count - 3) {
          let gram = VisitorSearch.gram(digitString, start)
          if !grams.contains(gram) { grams.append(gram) }
        }
        digitStore += digitString
        digitStore.append(VisitorSearch.digitSeparator)
      }
      for gram in grams { digitGrams[gram].append(doc) }
    }
    let entry = Document(id: id, nameWords: nameWords)
    let digitEnd = Int32(digitStore.count)
    if Int(doc) == documents.count {
      documents.append(entry)
      fingerprints.append(fingerprint)
      documentTokens.append(documentToken)
      digitStarts.append(digitStart)
      digitEnds.append(digitEnd)
    } else {
      documents[Int(doc)] = entry
      fingerprints[Int(doc)] = fingerprint
      documentTokens[Int(doc)] = documentToken
      digitStarts[Int(doc)] = digitStart
      digitEnds[Int(doc)] = digitEnd
    }
    return ids
  }

  /// Makes the one-letter list of `letter` again from every word starting with it (after documents were
  /// indexed again): the same list adding every document in turn gives.
  private mutating func rebuildLetterList(_ letter: UInt32) {
    guard letter != VisitorSearch.soundMark else { return }
    var scores: [Int32: UInt8] = [:]
    var index = lowerBound([letter])
    while index < sorted.count, tokens[Int(sorted[index])].first == letter {
      let token = sorted[index]
      let score: UInt8 = tokens[Int(token)].count == 1 ? 0 : 1
      for doc in postings[Int(token)] { scores[doc] = min(scores[doc] ?? 1, score) }
      index += 1
    }
    let ranked = scores.sorted { a, b in
      let wa = documents[Int(a.key)].nameWords
      let wb = documents[Int(b.key)].nameWords
      return (a.value, wa, -a.key) < (b.value, wb, -b.key)
    }
    let list = ranked.prefix(VisitorSearch.letterListSize).map { LetterHit(doc: $0.key, score: $0.value) }
    letterLists[letter] = list.isEmpty ? nil : Array(list)
  }

  /// Puts a new visitor in the one-letter list of each first letter of its words, in ranking order.
  private mutating func addToLetterLists(_ doc: Int32, tokens ids: [Int32]) {
    var scores: [UInt32: UInt8] = [:]
    for token in ids {
      let word = tokens[Int(token)]
      guard let letter = word.first, letter != VisitorSearch.soundMark else { continue }
      scores[letter] = min(scores[letter] ?? 1, word.count == 1 ? 0 : 1)
    }
    let nameWords = documents[Int(doc)].nameWords
    for (letter, score) in scores {
      var list = letterLists.removeValue(forKey: letter) ?? []
      // The first entry ranked after the new one: a worse score, or as good with more words (the new visitor
      // is the most recent, so it comes before the others equal to it).
      var low = 0
      var high = list.count
      while low < high {
        let middle = (low + high) / 2
        let other = list[middle]
        if other.score > score || (other.score == score && documents[Int(other.doc)].nameWords >= nameWords) {
          high = middle
        } else {
          low = middle + 1
        }
      }
      if low < VisitorSearch.letterListSize {
        list.insert(LetterHit(doc: doc, score: score), at: low)
        if list.count > VisitorSearch.letterListSize { list.removeLast() }
      }
      letterLists[letter] = list
    }
  }

  /// The answer to one letter typed alone, from its list; nil when the list, once merged records are
  /// dropped, is too short to tell (then the postings are walked).
  private func letterHits(_ letter: UInt32, in state: OfficeState, limit: Int) -> [Hit]? {
    let list = letterLists[letter] ?? []
    var hits: [Hit] = []
    for entry in list where hits.count < limit {
      let id = documents[Int(entry.doc)].id
      guard state.visitors[id]?.mergedInto == nil else { continue }
      hits.append(Hit(visitorID: id, score: Int(entry.score)))
    }
    return hits.count >= limit || list.count < VisitorSearch.letterListSize ? hits : nil
  }

  private mutating func intern(_ scalars: [UInt32]) -> Int32 {
    if let id = token(scalars) { return id }
    if let id = unsortedTokens[scalars] { return id }
    let id = Int32(tokens.count)
    tokens.append(scalars)
    postings.append([])
    unsortedTokens[scalars] = id
    return id
  }

  /// The id of the word `scalars` among the sorted tokens, if indexed.
  private func token(_ scalars: [UInt32]) -> Int32? {
    let index = lowerBound(scalars)
    guard index < sorted.count, tokens[Int(sorted[index])] == scalars else { return nil }
    return sorted[index]
  }

  /// The digit strings of document `doc`, each followed by `digitSeparator`.
  private func digits(of doc: Int32) -> ArraySlice<UInt8> {
    digitStore[Int(digitStarts[Int(doc)])..<Int(digitEnds[Int(doc)])]
  }

  // MARK: - Searching

  /// The longest query looked at (a name is at most `Validation.maxNameLength`); the rest is ignored, since the
  /// typo matrix grows with the square of a word's length.
  public static let maxQueryLength = Validation.maxNameLength
  /// The most results one search returns.
  public static let maxResults = 100_000

  /// The best matches for `query` (its first `maxQueryLength` characters), best first, at most `limit`,
  /// skipping records merged into another; a query in another script also looks for its Latin spelling
  /// ("Мария" finds Maria Ivanova).
  public func find(_ query: String, in state: OfficeState, limit: Int = 20) -> [Hit] {
    var hits = findWords(query, in: state, limit: limit)
    let query = String(query.prefix(VisitorSearch.maxQueryLength))
    func add(_ more: [Hit]) {
      guard hits.count < limit else { return }
      let found = Set(hits.map(\.visitorID))
      hits += more.filter { !found.contains($0.visitorID) }.prefix(limit - hits.count)
    }
    if hits.count < limit, let latin = SearchText.latin(query) {
      add(findWords(latin, in: state, limit: limit))
    }
    // Names that sound like the query's whole words, after every spelling match.
    if hits.count < limit { add(soundHits(query, in: state, limit: limit)) }
    return hits
  }

  /// The mark that starts a sound word (a name word's `SoundKey`) among the indexed words: below every letter
  /// and digit, so that no spelling is a prefix of a sound word or near one.
  static let soundMark: UInt32 = 1
  /// The score of a visitor found by sound, per query word: after every spelling match (at most 5 a word).
  static let soundScore = 6

  /// The indexed word of a sound key.
  static func soundWord(_ key: String) -> String { String(UnicodeScalar(UInt8(soundMark))) + key }

  /// The visitors with a word sounding like each whole word of `query`, best first.
  private func soundHits(_ query: String, in state: OfficeState, limit: Int) -> [Hit] {
    let keys = Array(Set(SoundKey.words(query)))
    guard limit > 0, !keys.isEmpty, !documents.isEmpty else { return [] }
    var candidates: Set<Int32>?
    for key in keys {
      guard let token = token(Self.soundWord(key).unicodeScalars.map(\.value)) else { return [] }
      let docs = Set(postings[Int(token)])
      candidates = candidates.map { $0.intersection(docs) } ?? docs
    }
    guard let candidates, !candidates.isEmpty else { return [] }
    var totals = [Int32](repeating: 0, count: documents.count)
    for doc in candidates { totals[Int(doc)] = Int32(Self.soundScore * keys.count) }
    return top(candidates.sorted(), totals: totals, state: state, limit: min(limit, documents.count))
  }

  private func findWords(_ query: String, in state: OfficeState, limit: Int) -> [Hit] {
    guard limit > 0, !documents.isEmpty else { return [] }
    let query = String(query.prefix(VisitorSearch.maxQueryLength))
    let limit = min(limit, documents.count, VisitorSearch.maxResults)
    var terms = SearchText.tokens(query)
    let queryDigits = SearchText.digits(query)
    let visible = query.filter { !$0.isWhitespace && !"+-().".contains($0) }.count
    var digitTerms: [[UInt8]] = []
    if queryDigits.count >= 4, queryDigits.count * 2 >= visible,
      terms.allSatisfy({ $0.contains(where: \.isNumber) })
    {
      // A phone or document number typed with separators: match its digits as one string.
      digitTerms = [Array(queryDigits.utf8)]
      terms = []
    } else {
      digitTerms = terms.filter { $0.count >= 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }.map
      { Array($0.utf8) }
      terms.removeAll { $0.count >= 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
    guard !terms.isEmpty || !digitTerms.isEmpty else { return [] }
    if digitTerms.isEmpty, terms.count == 1, terms[0].unicodeScalars.count == 1,
      let hits = letterHits(terms[0].unicodeScalars.first!.value, in: state, limit: limit)
    {
      return hits
    }
    let typing = !(query.last?.isWhitespace ?? true)
    // Each term's matching tokens with their scores; the rarest term narrows the candidates first.
    var termMatches: [[(token: Int32, score: UInt8)]] = []
    for (index, term) in terms.enumerated() {
      let scalars = term.unicodeScalars.map(\.value)
      let matches = match(scalars, fuzzyPrefix: typing && index == terms.count - 1 && digitTerms.isEmpty)
      if matches.isEmpty { return [] }
      termMatches.append(matches)
    }
    termMatches.sort { cost($0) < cost($1) }

    var candidates: [Int32] = []
    var totals = [Int32](repeating: 0, count: documents.count)
    var best = [UInt8](repeating: .max, count: documents.count)
    var first = true
    for digits in digitTerms {
      let docs = digitMatches(digits)
      if first {
        candidates = docs
      } else {
        let keep = Set(docs)
        candidates.removeAll { !keep.contains($0) }
      }
      first = false
      if candidates.isEmpty { return [] }
    }
    for matches in termMatches {
      var touched: [Int32] = []
      best.withUnsafeMutableBufferPointer { best in
        for (token, score) in matches {
          postings[Int(token)].withUnsafeBufferPointer { list in
            for doc in list {
              let slot = Int(doc)
              if best[slot] == .max { touched.append(doc) }
              if score < best[slot] { best[slot] = score }
            }
          }
        }
      }
      if first {
        candidates = touched
        first = false
      } else {
        candidates.removeAll { best[Int($0)] == .max }
      }
      for doc in candidates { totals[Int(doc)] += Int32(best[Int(doc)]) }
      for doc in touched { best[Int(doc)] = .max }
      if candidates.isEmpty { return [] }
    }
    return top(candidates, totals: totals, state: state, limit: limit)
  }

  private func cost(_ matches: [(token: Int32, score: UInt8)]) -> Int {
    matches.reduce(0) { $0 + postings[Int($1.token)].count }
  }

  /// The `limit` best candidates: lowest score, then shorter names, then the most recently registered.
  /// Merged records are dropped after choosing (they are rare), choosing again wider when some were.
  private func top(_ candidates: [Int32], totals: [Int32], state: OfficeState, limit: Int) -> [Hit] {
    var width = limit
    while true {
      let chosen = choose(candidates, totals: totals, count: width)
      let visible = chosen.filter { state.visitors[documents[Int($0)].id]?.mergedInto == nil }
      if visible.count >= limit || chosen.count < width {
        return visible.prefix(limit).map {
          Hit(visitorID: documents[Int($0)].id, score: Int(totals[Int($0)]))
        }
      }
      width = width * 2 + (chosen.count - visible.count)
    }
  }

  private func choose(_ candidates: [Int32], totals: [Int32], count: Int) -> [Int32] {
    var kept: [Int32] = []
    kept.reserveCapacity(count + 1)
    totals.withUnsafeBufferPointer { totals in
      documents.withUnsafeBufferPointer { documents in
        func better(_ a: Int32, _ b: Int32) -> Bool {
          let sa = totals[Int(a)]
          let sb = totals[Int(b)]
          if sa != sb { return sa < sb }
          let wa = documents[Int(a)].nameWords
          let wb = documents[Int(b)].nameWords
          if wa != wb { return wa < wb }
          return a > b
        }
        // Newest first, so that later candidates rarely displace earlier ones.
        for doc in candidates.reversed() {
          if kept.count == count, let worst = kept.last, !better(doc, worst) { continue }
          var position = kept.count
          while position > 0 && better(doc, kept[position - 1]) { position -= 1 }
          kept.insert(doc, at: position)
          if kept.count > count { kept.removeLast() }
        }
      }
    }
    return kept
  }

  /// Tokens matching a query word: 0 exact, 1 prefix, 2/4 whole word with 1/2 typos, 3/5 prefix with typos.
  func match(_ term: [UInt32], fuzzyPrefix: Bool) -> [(token: Int32, score: UInt8)] {
    var found: [Int32: UInt8] = [:]
    var start = lowerBound(term, from: 0)
    while start < sorted.count {
      let token = sorted[start]
      let word = tokens[Int(token)]
      guard VisitorSearch.hasPrefix(word, term, term.count) else { break }
      found[token] = word.count == term.count ? 0 : 1
      start += 1
    }
    // No typo tolerance for words with digits (codes, numbers): 41 is not 42.
    let numeric = term.contains { (48...57).contains($0) }
    let allowed = numeric ? 0 : term.count >= 7 ? 2 : term.count >= 4 ? 1 : 0
    if allowed > 0 {
      typoWalk(term, limit: allowed, prefix: fuzzyPrefix) { token, distance, isPrefix in
        guard found[token] == nil else { return }
        found[token] = UInt8(2 * distance + (isPrefix ? 1 : 0))
      }
    }
    return found.map { ($0.key, $0.value) }
  }

  /// Walks the distinct words in sorted order as a trie, carrying Damerau (optimal string alignment) rows
  /// from one word to the next over their common prefix and skipping every word under a prefix already too far
  /// from `term`. Reports words within `limit` edits (whole word) and, when `prefix`, words starting with a
  /// prefix within `limit` edits.
  private func typoWalk(_ term: [UInt32], limit: Int, prefix: Bool, _ report: (Int32, Int, Bool) -> Void) {
    let n = term.count
    let width = n + 1
    let maxDepth = n + limit + 1
    var rows = [Int32](repeating: 0, count: (maxDepth + 1) * width)
    for j in 0...n { rows[j] = Int32(j) }
    var previous: [UInt32] = []
    var valid = 0  // rows[0...valid] are computed for previous's first `valid` letters
    // Sound words sort first (their mark is below every letter and digit): spellings only from here.
    var index = lowerBound([VisitorSearch.soundMark + 1])
    let limit32 = Int32(limit)
    term.withUnsafeBufferPointer { a in
      rows.withUnsafeMutableBufferPointer { r in
        while index < sorted.count {
          let token = sorted[index]
          let word = tokens[Int(token)]
          var common = 0
          let bound = min(valid, word.count, previous.count)
          while common < bound && word[common] == previous[common] { common += 1 }
          var depth = common
          var skipTo: Int? = nil
          var prefixHit: Int? = nil
          while depth < word.count && depth < maxDepth {
            let d = depth + 1
            let c = word[d - 1]
            let row = d * width
            let up = (d - 1) * width
            r[row] = Int32(d)
            var rowMin = r[row]
            for j in 1...n {
              var v = min(r[up + j] + 1, r[row + j - 1] + 1, r[up + j - 1] + (a[j - 1] == c ? 0 : 1))
              if d > 1 && j > 1 && a[j - 1] == word[d - 2] && a[j - 2] == c {
                v = min(v, r[(d - 2) * width + j - 2] + 1)
              }
              r[row + j] = v
              if v < rowMin { rowMin = v }
            }
            depth = d
            if rowMin > limit32 {
              skipTo = upperBound(prefixOf: word, length: d, from: index)
              break
            }
            if prefix && r[row + n] <= limit32 && d >= n - limit {
              prefixHit = Int(r[row + n])
              skipTo = upperBound(prefixOf: word, length: d, from: index)
              break
            }
          }
          if let hit = prefixHit, let end = skipTo {
            // Every word under this prefix starts within `hit` edits of the term.
            for i in index..<end {
              let t = sorted[i]
              let w = tokens[Int(t)]
              if w.count <= n + limit, abs(w.count - n) <= limit {
                let whole = wholeDistance(r, width: width, term: a, word: w, depth: depth, limit: limit)
                if whole <= limit { report(t, whole, false); continue }
              }
              report(t, hit, true)
            }
          } else if skipTo == nil, depth == word.count, abs(word.count - n) <= limit {
            let distance = Int(r[word.count * width + n])
            if distance <= limit { report(token, distance, false) }
          }
          previous = word
          valid = depth
          index = skipTo ?? (index + 1)
          if skipTo != nil { valid = min(valid, depth - 1) }
        }
      }
    }
  }

  /// The whole-word distance of `word`, which shares its first `depth` letters with the rows already computed.
  private func wholeDistance(
    _ r: UnsafeMutableBufferPointer<Int32>, width: Int, term: UnsafeBufferPointer<UInt32>, word: [UInt32],
    depth: Int,
    limit: Int
  ) -> Int {
    if word.count == depth { return Int(r[depth * width + term.count]) }
    // Rare path (a short subtree under a prefix hit): compute from scratch.
    var scratch: [Int32] = []
    return VisitorSearch.distance(Array(term), word[...], limit: limit, prefix: false, scratch: &scratch)
  }

  /// The first index after `from` whose word does not start with the first `length` letters of `word`
  /// (galloping: the branches skipped are usually small).
  private func upperBound(prefixOf word: [UInt32], length: Int, from: Int) -> Int {
    var low = from + 1
    var step = 1
    var high = low
    while true {
      high = min(from + step, sorted.count)
      if high >= sorted.count || !VisitorSearch.hasPrefix(tokens[Int(sorted[high])], word, length) { break }
      low = high + 1
      step *= 2
    }
    while low < high {
      let mid = (low + high) / 2
      if VisitorSearch.hasPrefix(tokens[Int(sorted[mid])], word, length) { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Whether `word` starts with the first `length` letters of `prefix`.
  @inline(__always)
  static func hasPrefix(_ word: [UInt32], _ prefix: [UInt32], _ length: Int) -> Bool {
    guard word.count >= length else { return false }
    var i = 0
    while i < length {
      if word[i] != prefix[i] { return false }
      i += 1
    }
    return true
  }

  /// Visitors whose phone or document digits contain `digits`.
  private func digitMatches(_ digits: [UInt8]) -> [Int32] {
    guard digits.count >= 3 else { return [] }
    var rarest = digitGrams[VisitorSearch.gram(digits, 0)]
    for start in stride(from: 1, through: digits.count - 3, by: 1)
    where digitGrams[VisitorSearch.gram(digits, start)].count < rarest.count {
      rarest = digitGrams[VisitorSearch.gram(digits, start)]
    }
    return rarest.filter { doc in VisitorSearch.contains(self.digits(of: doc), digits) }
  }

  // MARK: - Duplicates

  /// Registered visitors who are probably the person described by `form` (merged records left out):
  /// same phone or document, or a similar name with the same birth year or nationality.
  public func duplicates(of form: VisitorForm, in state: OfficeState, limit: Int = 10) -> [DuplicateCandidate]
  {
    var reasons: [Int32: Set<DuplicateReason>] = [:]
    // Similar names: words of the form matched whole (exact or within the typo allowance); each name is cut
    // like a query, since the form is checked before validation refuses a name that is too long.
    let names = ([form.fullName] + form.aliases).map { String($0.prefix(VisitorSearch.maxQueryLength)) }
    let words = Array(Set(names.flatMap(SearchText.tokens).filter { $0.count >= 2 }))
    var matchedWords: [Int32: Int] = [:]
    for word in words {
      let scalars = word.unicodeScalars.map(\.value)
      var docs = Set<Int32>()
      for (token, score) in match(scalars, fuzzyPrefix: false) where score != 1 {
        docs.formUnion(postings[Int(token)])
      }
      for doc in docs { matchedWords[doc, default: 0] += 1 }
    }
    // A name that sounds the same ("Musa Diop" for "Moussa Diop") is similar too.
    var soundMatched: [Int32: Int] = [:]
    for key in Set(names.flatMap(SoundKey.words)) {
      guard let token = token(Self.soundWord(key).unicodeScalars.map(\.value)) else { continue }
      for doc in Set(postings[Int(token)]) { soundMatched[doc, default: 0] += 1 }
    }
    for (doc, count) in soundMatched where count > matchedWords[doc] ?? 0 { matchedWords[doc] = count }
    let formWords = SearchText.tokens(form.fullName).count
    for (doc, count) in matchedWords {
      let needed = min(2, max(1, min(formWords, documents[Int(doc)].nameWords)))
      guard count >= needed else { continue }
      guard let visitor = state.visitors[documents[Int(doc)].id] else { continue }
      if let year = form.birthYear, visitor.birthYear == year {
        reasons[doc, default: []].formUnion([.similarName, .sameBirthYear])
      }
      if let nationality = form.nationality, visitor.nationality?.uppercased() == nationality.uppercased() {
        reasons[doc, default: []].formUnion([.similarName, .sameNationality])
      }
    }
    // Same phone: equal digits, or the same last 7 digits (a country code typed or not).
    if let phone = form.phone {
      let digits = Array(SearchText.digits(phone).utf8)
      if digits.count >= 7 {
        let tail = Array(digits.suffix(7))
        for doc in digitMatches(tail) {
          guard let visitor = state.visitors[documents[Int(doc)].id], let other = visitor.phone else {
            continue
          }
          let theirs = Array(SearchText.digits(other).utf8)
          if theirs == digits || (theirs.count >= 7 && Array(theirs.suffix(7)) == tail) {
            reasons[doc, default: []].insert(.samePhone)
          }
        }
      }
    }
    if let number = form.document?.number {
      let folded = SearchText.tokens(number).joined()
      if !folded.isEmpty, let token = token(folded.unicodeScalars.map(\.value)) {
        for doc in postings[Int(token)] where documentTokens[Int(doc)] == token {
          reasons[doc, default: []].insert(.sameDocument)
        }
      }
    }
    let found = reasons.compactMap { doc, reasons -> (Int32, DuplicateCandidate)? in
      guard let visitor = state.visitors[documents[Int(doc)].id], visitor.mergedInto == nil else {
        return nil
      }
      return (doc, DuplicateCandidate(visitorID: visitor.id, reasons: reasons))
    }
    return found.sorted { a, b in
      let wa = a.1.strength
      let wb = b.1.strength
      return wa != wb ? wa > wb : a.0 > b.0
    }.prefix(limit).map(\.1)
  }

  // MARK: - Helpers

  private func lowerBound(_ term: [UInt32], from: Int = 0) -> Int {
    var low = from
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if VisitorSearch.less(tokens[Int(sorted[mid])], term) { low = mid + 1 } else { high = mid }
    }
    return low
  }

  static func less(_ a: [UInt32], _ b: [UInt32]) -> Bool { a.lexicographicallyPrecedes(b) }

  static func gram(_ digits: [UInt8], _ start: Int) -> Int {
    Int(digits[start] &- 48) * 100 + Int(digits[start + 1] &- 48) * 10 + Int(digits[start + 2] &- 48)
  }

  static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    let base = haystack.startIndex
    for start in base...(base + haystack.count - needle.count) where haystack[start] == needle[0] {
      if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
    }
    return false
  }

  /// Damerau (optimal string alignment) distance of `a` to `b` (to a prefix of `b` when `prefix`), or more
  /// than `limit` when it exceeds it.
  static func distance(
    _ a: [UInt32], _ b: ArraySlice<UInt32>, limit: Int, prefix: Bool, scratch: inout [Int32]
  ) -> Int {
    let n = a.count
    let m = b.count
    if !prefix && abs(n - m) > limit { return limit + 1 }
    if n == 0 { return prefix ? 0 : m }
    if m == 0 { return n }
    let width = m + 1
    if scratch.count < 3 * width { scratch = [Int32](repeating: 0, count: 3 * width) }
    return scratch.withUnsafeMutableBufferPointer { buffer -> Int in
      var twoBack = buffer.baseAddress!
      var back = twoBack + width
      var row = back + width
      for j in 0...m { back[j] = Int32(j) }
      let base = b.startIndex
      for i in 1...n {
        row[0] = Int32(i)
        var rowMin = row[0]
        let ai = a[i - 1]
        for j in 1...m {
          let bj = b[base + j - 1]
          var value = min(back[j] + 1, row[j - 1] + 1, back[j - 1] + (ai == bj ? 0 : 1))
          if i > 1, j > 1, ai == b[base + j - 2], a[i - 2] == bj { value = min(value, twoBack[j - 2] + 1) }
          row[j] = value
          if value < rowMin { rowMin = value }
        }
        if rowMin > Int32(limit) { return limit + 1 }
        (twoBack, back, row) = (back, row, twoBack)
      }
      if prefix {
        var best = back[0]
        for j in 1...m where back[j] < best { best = back[j] }
        return Int(best)
      }
      return Int(back[m])
    }
  }
}

/// Why a registered visitor may be the person being registered.
public enum DuplicateReason: String, Sendable, CaseIterable, Comparable {
  case samePhone = "same-phone"
  case sameDocument = "same-document"
  case similarName = "similar-name"
  case sameBirthYear = "same-birth-year"
  case sameNationality = "same-nationality"

  public static func < (lhs: DuplicateReason, rhs: DuplicateReason) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// A registered visitor who is probably the same person, and why.
public struct DuplicateCandidate: Equatable, Sendable {
  /// The registered visitor's id.
  public let visitorID: String
  /// What matched.
  public let reasons: Set<DuplicateReason>

  /// The reasons in a stable order.
  public var orderedReasons: [DuplicateReason] { reasons.sorted() }

  var strength: Int {
    (reasons.contains(.sameDocument) ? 8 : 0) + (reasons.contains(.samePhone) ? 4 : 0)
      + (reasons.contains(.sameBirthYear) ? 2 : 0) + (reasons.contains(.sameNationality) ? 1 : 0)
  }
}
