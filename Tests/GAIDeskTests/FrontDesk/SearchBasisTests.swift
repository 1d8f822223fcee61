import Crypto
import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// The search index's cache checked through the office's basis (`SearchBasis`): when the office was loaded
/// from the snapshot the cache was written for, only the visitors touched by the records folded since are
/// checked; in every other case every visitor is. Either way the index answers as a fresh one.
@Suite("Front desk: the search index's basis")
struct SearchBasisTests {
  @Test(
    "through records of 2–5 origins in random interleavings, reopenings warm and cold and stale caches, the office's index answers as a fresh one"
  )
  func sameAnswersAsFresh() throws {
    var tally = Tally()
    _ = try runPropertyCases("GAIDESK_SEARCH_BASIS_CASES", count: 24, seed: 20_261_201) { random, label in
      try runCase(&random, label: label, tally: &tally)
      return 0
    }
    // Every way is taken: the shortcut (same base state), with visitors of the base state renamed since,
    // and the whole check (a cache of another base state, a fold again, no snapshot).
    #expect(tally.shortcuts > 0)
    #expect(tally.shortcutsWithRenames > 0)
    #expect(tally.fullChecks > 0)
    #expect(tally.staleCaches > 0)
    #expect(tally.coldRebuilds > 0)
  }

  @Test(
    "an opening from the snapshot the cache was written for checks only the visitors its later records touched"
  )
  func sameSnapshotChecksOnlyTouched() throws {
    let f = try FrontDeskFixture()
    let ids = try (0..<30).map { try f.visitor("Pessoa\($0) Tavares", phone: "+238 99\(10_000 + $0)") }
    f.office.saveSnapshot()
    let written = f.office.visitorSearch()
    let file = f.office.paths.cache + "/search.bin"
    let key = f.office.keyringForVerification.key(1)!
    #expect(SearchIndexFile.load(file: file, keys: [key])?.basis == f.office.searchBasis)

    // Nothing folded since the snapshot: nothing checked.
    let same = try f.reopen()
    let loaded = same.visitorSearch()
    #expect(loaded.fingerprintKey == written.fingerprintKey)
    #expect(loaded.checkedLastUpdate == 0)

    // Records after the snapshot: a visitor of the snapshot renamed, one registered.
    var form = VisitorForm(fullName: "Cheikh Sarr")
    form.phone = "+238 9557788"
    _ = try same.updateVisitor(ids[3], form: form, staff: TestOffice.founder)
    let added = try same.registerVisitor(VisitorForm(fullName: "Fatoumata Diallo"), staff: TestOffice.founder)
      .id
    let later = try f.reopen()
    #expect(later.openedFromSnapshot && later.recordsReplayed == 2)
    let search = later.visitorSearch()
    // The renamed visitor is the only one checked (the new one is added after the others).
    #expect(search.checkedLastUpdate == 1)
    let state = later.state
    #expect(search.find("cheikh sarr", in: state).map(\.visitorID) == [ids[3]])
    #expect(!search.find("pessoa3 tavares", in: state, limit: 100).contains { $0.visitorID == ids[3] })
    #expect(search.find("9557788", in: state).map(\.visitorID) == [ids[3]])
    #expect(search.find("9910003", in: state).isEmpty)
    #expect(search.find("fatoumata", in: state).map(\.visitorID) == [added])
    #expect(search.find("pessoa17", in: state).first?.visitorID == ids[17])

    // A snapshot written again (another base state): every visitor is checked once, and the cache follows it.
    later.saveSnapshot()
    let rebased = try f.reopen()
    #expect(rebased.visitorSearch().checkedLastUpdate == 31)
    let next = try f.reopen()
    #expect(next.visitorSearch().checkedLastUpdate == 0)
  }

  @Test("the id filter never rules out an id equal to one of its set, and rules most others out")
  func idFilter() {
    var random = SeededRandom(seed: 20_261_201)
    let members = (0..<1000).map { _ in
      "V-\(String(Int.random(in: 0..<1_000_000, using: &random), radix: 36).uppercased())-\(Int.random(in: 0..<99_999, using: &random))"
    }
    let filter = IDFilter(members)
    for id in members { #expect(filter.mayContain(id), "\(id)") }
    let set = Set(members)
    let others = (0..<5000).map { "V-OTHER\($0 % 97)-\($0)" }.filter { !set.contains($0) }
    #expect(others.filter(filter.mayContain).count < others.count / 10)
    // Short ids, and a Kelvin sign (U+212A), which is a K as a string but not as bytes.
    #expect(IDFilter(["V-1"]).mayContain("V-1"))
    #expect(IDFilter(["V-1"]).mayContain(String("XV-1".dropFirst())))
    let kelvin = "V-ORIGIN-\u{212A}1"
    let letter = "V-ORIGIN-K1"
    #expect(kelvin == letter)
    #expect(IDFilter([letter]).mayContain(kelvin))
    #expect(IDFilter([kelvin]).mayContain(letter))
  }

  struct Tally {
    var shortcuts = 0
    var shortcutsWithRenames = 0
    var fullChecks = 0
    var staleCaches = 0
    var coldRebuilds = 0
  }

  /// One case: remote origins write registrations, renames, merges and unmerges with their own clocks; their
  /// records reach the office in a random interleaving, in chunks, while the office records its own; now and
  /// then the office asks for its index (writing its cache), keeps a copy of the cache to put back later, and
  /// opens again: warm, with the snapshot rebuilt cold, or with an older cache. Each index is compared with a
  /// fresh one of the same state.
  private func runCase(_ random: inout SeededRandom, label: String, tally: inout Tally) throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let keyring = office.keyringForVerification
    let script = SearchScript(&random, origins: Int.random(in: 2...5, using: &random))

    let logs = try OriginRecords.write(
      script.records.map { $0.map { ($0.date, $0.events) } }, keyring: keyring, scratch: dir.path)
    for log in logs {
      let folder = dir.path + "/journal/" + log.origin.hex
      try FileIO.makeDirectory(folder)
      try Data(log.header).write(to: URL(fileURLWithPath: folder + "/" + SegmentFormat.fileName(index: 1)))
    }

    let cacheFile = office.paths.cache + "/search.bin"
    var stash: [[UInt8]] = []
    var live = office
    var positions = [Int](repeating: 0, count: logs.count)
    var localIDs: [String] = []
    var round = 0
    while positions.indices.contains(where: { positions[$0] < logs[$0].frames.count }) {
      round += 1
      for _ in 0..<Int.random(in: 1...5, using: &random) {
        let open = positions.indices.filter { positions[$0] < logs[$0].frames.count }
        guard let pick = open.randomElement(using: &random) else { break }
        let file = dir.path + "/journal/" + logs[pick].origin.hex + "/" + SegmentFormat.fileName(index: 1)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(logs[pick].frames[positions[pick]]))
        try handle.close()
        positions[pick] += 1
      }
      try live.refresh()
      // The office's own records: registrations and renames of anyone's visitors, merges.
      if Int.random(in: 0..<3, using: &random) == 0 {
        let known = live.state.visitorOrder
        let events = script.localEvents(&random, known: known, counter: &localIDs)
        try live.record(staff: TestOffice.founder, events: events)
      }
      if Int.random(in: 0..<3, using: &random) == 0 {
        try checkIndex(of: live, &random, label: "\(label) round \(round)", tally: &tally)
        if let bytes = try? FileIO.read(cacheFile), Bool.random(using: &random) { stash.append(bytes) }
      }
      if Int.random(in: 0..<4, using: &random) == 0 {
        if Bool.random(using: &random) { live.saveSnapshot() }
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
          // The snapshot rebuilt cold: the journal read whole, a new snapshot written.
          try? FileManager.default.removeItem(atPath: live.paths.snapshot)
          tally.coldRebuilds += 1
        case 1 where !stash.isEmpty:
          // A cache written for another state of this office (older, or of another base state).
          try FileIO.writeAtomically(stash.randomElement(using: &random)!, to: cacheFile)
          tally.staleCaches += 1
        default: break
        }
        live = try TestOffice.reopen(dir)
        try checkIndex(of: live, &random, label: "\(label) round \(round) reopened", tally: &tally)
      }
    }
    try live.refresh()
    try checkIndex(of: live, &random, label: "\(label) end", tally: &tally)
    let reopened = try TestOffice.reopen(dir)
    try checkIndex(of: reopened, &random, label: "\(label) end reopened", tally: &tally)
  }

  /// Asks `office` for its index (loaded from the cache or held, brought up to date) and compares it with a
  /// fresh index of the same state; counts which way the index was checked.
  private func checkIndex(of office: Office, _ random: inout SeededRandom, label: String, tally: inout Tally)
    throws
  {
    let cached =
      office.searchIndex == nil
      ? SearchIndexFile.load(
        file: office.paths.cache + "/search.bin", keys: [office.keyringForVerification.key(1)!]) : nil
    let basis = office.searchBasis
    let search = office.visitorSearch()
    let state = office.state
    if let cached, let mine = cached.basis, let basis, mine.tag == basis.tag {
      // The shortcut: only what was registered after the base state and what either basis touched.
      tally.shortcuts += 1
      let touchedBefore = mine.touched.union(basis.touched).filter {
        state.visitorOrder.prefix(mine.visitors).contains($0)
      }
      if !touchedBefore.isEmpty { tally.shortcutsWithRenames += 1 }
      #expect(
        search.checkedLastUpdate <= cached.count - mine.visitors + touchedBefore.count
          || search.fingerprintKey != cached.fingerprintKey, "\(label): checked \(search.checkedLastUpdate)")
    } else if cached != nil {
      tally.fullChecks += 1
    }
    let fresh = VisitorSearch(state: state)
    #expect(search.count == state.visitorOrder.count, "\(label)")
    let words = SearchScript.words
    var queries = (0..<12).map { _ in SearchScript.name(&random) }
    queries += (0..<6).map { _ in
      String(words.randomElement(using: &random)!.prefix(Int.random(in: 1...4, using: &random)))
    }
    queries += ["9100", "p-12", "p1", "+238 91001"]
    for query in queries {
      for limit in [1, 5, 100] {
        #expect(
          search.find(query, in: state, limit: limit) == fresh.find(query, in: state, limit: limit),
          "\(label): \(query) limit \(limit)")
      }
    }
    for _ in 0..<4 {
      var form = VisitorForm(fullName: SearchScript.name(&random))
      form.phone = Bool.random(using: &random) ? "9\(Int.random(in: 100_000...100_060, using: &random))" : nil
      form.document = IdentityDocument(
        type: "passport", number: "p\(Int.random(in: 100...130, using: &random))")
      #expect(
        search.duplicates(of: form, in: state) == fresh.duplicates(of: form, in: state),
        "\(label): \(form.fullName)")
    }
  }
}

/// Random records of several origins for the search: registrations (a few ids colliding across origins),
/// renames of name, aliases, phone or document, merges and unmerges, each with its origin's clock (skewed,
/// now and then set back, so that records reach an office late).
struct SearchScript {
  struct Record {
    var date: Date
    var events: [Event]
  }

  static let words = [
    "maria", "mário", "joão", "joana", "silva", "silvestre", "tavares", "diop", "djop", "ndiaye", "sarr",
    "fatoumata", "fatima", "мария", "ana", "a.", "semedo", "gonçalves", "lopes", "lópez",
  ]

  var records: [[Record]]

  static func name(_ random: inout SeededRandom) -> String {
    (0..<Int.random(in: 1...3, using: &random)).map { _ in words.randomElement(using: &random)! }
      .joined(separator: " ")
  }

  static func visitor(_ id: String, _ random: inout SeededRandom) -> Visitor {
    var visitor = Visitor(id: id, fullName: name(&random))
    if Int.random(in: 0..<3, using: &random) == 0 { visitor.aliases = [name(&random)] }
    if Int.random(in: 0..<3, using: &random) == 0 {
      visitor.phone = "+238 9\(Int.random(in: 100_000...100_060, using: &random))"
    }
    if Int.random(in: 0..<3, using: &random) == 0 {
      visitor.document = IdentityDocument(
        type: "passport", number: "P-\(Int.random(in: 100...130, using: &random))")
    }
    return visitor
  }

  /// One random change of the visitors `known` (or a registration, always when there are fewer than two).
  static func change(_ random: inout SeededRandom, known: [String], newID: String) -> Event {
    guard known.count >= 2, Int.random(in: 0..<5, using: &random) >= 2 else {
      return .visitorRegistered(visitor(newID, &random))
    }
    let id = known.randomElement(using: &random)!
    let other = known.randomElement(using: &random)!
    switch Int.random(in: 0..<4, using: &random) {
    case 0, 1:
      let fields: [VisitorFields] = [.fullName, .aliases, .phone, .document, [.fullName, .phone]]
      return .visitorUpdated(visitor(id, &random), fields: fields.randomElement(using: &random)!, base: 0)
    case 2: return .visitorsMerged(keep: id, other: other)
    default: return .visitorsUnmerged(keep: id, other: other)
    }
  }

  init(_ random: inout SeededRandom, origins: Int) {
    records = Array(repeating: [], count: origins)
    // Clocks around the office's own (which records at the real time): some records come after everything
    // folded, others late.
    let start = Date().timeIntervalSince1970 - 3600
    var clocks = (0..<origins).map { _ in start + Double(Int.random(in: -300...300, using: &random)) }
    var known: [String] = []
    var counter = 0
    for _ in 0..<Int.random(in: 15...60, using: &random) {
      let origin = Int.random(in: 0..<origins, using: &random)
      clocks[origin] += Double(Int.random(in: -30...600, using: &random))
      var events: [Event] = []
      for _ in 0..<Int.random(in: 1...2, using: &random) {
        counter += 1
        // Now and then an id another origin gave too.
        let id = "V-\(Int.random(in: 0..<4, using: &random) == 0 ? 0 : origin)-\(counter / 2)"
        let event = SearchScript.change(&random, known: known, newID: id)
        if case .visitorRegistered(let visitor) = event { known.append(visitor.id) }
        events.append(event)
      }
      records[origin].append(Record(date: Date(timeIntervalSince1970: clocks[origin]), events: events))
    }
  }

  /// The office's own record: one or two changes of the visitors it knows.
  func localEvents(_ random: inout SeededRandom, known: [String], counter ids: inout [String]) -> [Event] {
    var events: [Event] = []
    var known = known
    for _ in 0..<Int.random(in: 1...2, using: &random) {
      let event = SearchScript.change(&random, known: known, newID: "V-local-\(ids.count)")
      if case .visitorRegistered(let visitor) = event {
        ids.append(visitor.id)
        known.append(visitor.id)
      }
      events.append(event)
    }
    return events
  }
}
