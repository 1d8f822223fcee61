import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// The visitor search index kept in its sealed cache (`cache/search.bin`): loaded warm when it fits the state,
/// brought up to date or built again when it does not, and never answering other than a fresh index would.
@Suite("Front desk: the search index's cache")
struct SearchCacheTests {
  @Test("an index kept by update(with:) finds a renamed visitor by the new name only (was: the old name)")
  func renamedInSession() throws {
    let f = try FrontDeskFixture()
    let id = try f.visitor("Moussa Diop", phone: "+238 991 11 22")
    try f.visitor("Awa Ndiaye")
    var search = VisitorSearch(state: f.office.state)
    var form = VisitorForm(fullName: "Cheikh Sarr")
    form.phone = "+238 955 66 77"
    try f.office.updateVisitor(id, form: form, staff: TestOffice.founder)
    search.update(with: f.office.state)
    let state = f.office.state
    #expect(search.find("cheikh", in: state).map(\.visitorID) == [id])
    #expect(search.find("moussa", in: state).isEmpty)
    #expect(search.find("9556677", in: state).map(\.visitorID) == [id])
    #expect(search.find("9911122", in: state).isEmpty)
  }

  @Test("the office writes its index once built and loads it warm at the next opening")
  func warmOpening() throws {
    let f = try FrontDeskFixture()
    let ids = try (0..<30).map { try f.visitor("Pessoa\($0) Tavares", document: "P-\(1000 + $0)") }
    let built = f.office.visitorSearch()
    let file = f.office.paths.cache + "/search.bin"
    #expect(FileIO.size(file) != nil)
    let reopened = try f.reopen()
    let loaded = reopened.visitorSearch()
    // The same secret key as the index written: it was loaded, not built again.
    #expect(loaded.fingerprintKey == built.fingerprintKey)
    #expect(loaded.count == 30)
    #expect(loaded.find("pessoa7", in: reopened.state).map(\.visitorID) == [ids[7]])
    var form = VisitorForm(fullName: "X")
    form.document = IdentityDocument(type: "passport", number: "p1012")
    #expect(reopened.possibleDuplicates(of: form).map(\.visitorID) == [ids[12]])
  }

  @Test("a cache written before visitors were renamed, merged and added never answers with what changed")
  func staleCache() throws {
    let f = try FrontDeskFixture()
    let moussa = try f.visitor("Moussa Diop")
    let awa = try f.visitor("Awa Ndiaye")
    let awa2 = try f.visitor("Awa Ndiaye Sarr")
    _ = f.office.visitorSearch()
    let cached = try #require(
      SearchIndexFile.load(
        file: f.office.paths.cache + "/search.bin", keys: [f.office.keyringForVerification.key(1)!]))

    var form = VisitorForm(fullName: "Cheikh Sarr")
    form.aliases = ["Papis"]
    try f.office.updateVisitor(moussa, form: form, staff: TestOffice.founder)
    try f.office.mergeVisitors(keep: awa, other: awa2, staff: TestOffice.founder)
    let added = try f.visitor("Fatoumata Diallo")

    let reopened = try f.reopen()
    let state = reopened.state
    for search in [
      reopened.visitorSearch(),
      {
        var c = cached; c.update(with: state); return c
      }(),
    ] {
      #expect(search.find("moussa", in: state).isEmpty)
      #expect(search.find("papis", in: state).map(\.visitorID) == [moussa])
      #expect(search.find("sarr", in: state).map(\.visitorID) == [moussa])
      #expect(search.find("awa", in: state).map(\.visitorID) == [awa])
      #expect(search.find("fatoumata", in: state).map(\.visitorID) == [added])
    }
    // The cache that did not fit was written again for the state as it is.
    let rewritten = try #require(
      SearchIndexFile.load(
        file: f.office.paths.cache + "/search.bin", keys: [f.office.keyringForVerification.key(1)!]))
    #expect(rewritten.count == 4)
    #expect(rewritten.isCurrent(prefixOf: state))
  }

  @Test("damaged, cut, foreign, reordered or other-version caches are ignored and the index is built again")
  func unusableFiles() throws {
    let f = try FrontDeskFixture()
    for index in 0..<40 { try f.visitor("Nome\(index) Semedo", phone: "+238 99\(10000 + index)") }
    _ = f.office.visitorSearch()
    let file = f.office.paths.cache + "/search.bin"
    let key = f.office.keyringForVerification.key(1)!
    let good = try FileIO.read(file)
    #expect(SearchIndexFile.load(file: file, keys: [key]) != nil)
    var damaged = good
    damaged[damaged.count / 2] ^= 0x40
    var otherVersion = good
    otherVersion[8] &+= 1
    var otherHeader = good
    otherHeader[30] ^= 1
    let variants: [(String, [UInt8])] = [
      ("damaged", damaged), ("cut", Array(good.dropLast(7))), ("header only", Array(good.prefix(38))),
      ("empty", []), ("other version", otherVersion), ("other file name bytes", otherHeader),
      ("longer", good + [0]),
    ]
    for (label, bytes) in variants {
      try FileIO.writeAtomically(bytes, to: file)
      #expect(SearchIndexFile.load(file: file, keys: [key]) == nil, "\(label)")
      let reopened = try f.reopen()
      let search = reopened.visitorSearch()
      #expect(search.find("nome17", in: reopened.state).count == 1, "\(label)")
      #expect(search.find("9910017", in: reopened.state).count == 1, "\(label)")
      // Written again, whole.
      #expect(SearchIndexFile.load(file: file, keys: [key])?.count == 40, "\(label)")
    }
    // Another office's key does not open it.
    #expect(SearchIndexFile.load(file: file, keys: [SymmetricKey(size: .bits256)]) == nil)
  }

  @Test("chunks of a large index cannot be moved, dropped or taken from another file")
  func chunks() throws {
    var state = OfficeState()
    var events: [Event] = []
    for index in 0..<300 {
      var visitor = Visitor(id: "V-C-\(index)", fullName: "Pessoa\(index) Nome\(index % 97) Apelido\(index)")
      visitor.phone = "+238 9\(100_000 + index)"
      events.append(.visitorRegistered(visitor))
    }
    state.apply(EventBatch(staff: "Ana", office: "praia", events: events), time: WallTime(milliseconds: 1))
    let folder = TemporaryDirectory("search-chunks")
    let key = SymmetricKey(size: .bits256)
    let search = VisitorSearch(state: state)
    let a = folder.path + "/a.bin"
    let b = folder.path + "/b.bin"
    try SearchIndexFile.save(search, file: a, masterKey: key, chunkSize: 1024)
    try SearchIndexFile.save(search, file: b, masterKey: key, chunkSize: 1024)
    let bytesA = try FileIO.read(a)
    let bytesB = try FileIO.read(b)
    let sealedChunk = 1024 + Sealer.overhead
    #expect(bytesA.count > SearchIndexFile.headerSize + 2 * sealedChunk)
    let first = SearchIndexFile.headerSize..<SearchIndexFile.headerSize + sealedChunk
    let second = first.upperBound..<first.upperBound + sealedChunk
    var swapped = bytesA
    swapped.replaceSubrange(first, with: bytesA[second])
    swapped.replaceSubrange(second, with: bytesA[first])
    var mixed = bytesA
    mixed.replaceSubrange(second, with: bytesB[second])
    var dropped = bytesA
    dropped.removeSubrange(second)
    for (label, bytes) in [("swapped", swapped), ("mixed", mixed), ("dropped", dropped)] {
      try FileIO.writeAtomically(bytes, to: a)
      #expect(SearchIndexFile.load(file: a, keys: [key]) == nil, "\(label)")
    }
    let loaded = try #require(SearchIndexFile.load(file: b, keys: [key]))
    #expect(loaded.isCurrent(prefixOf: state))
    #expect(loaded.find("nome42 pessoa139", in: state).map(\.visitorID) == ["V-C-139"])
  }

  @Test("loaded and brought up to date, the index answers as a fresh one: random visitors, origins, queries")
  func sameAnswersAsFresh() throws {
    var rebuilt = 0
    var reindexed = 0
    let extended = try runPropertyCases("GAIDESK_SEARCH_CACHE_CASES", count: 60, seed: 20_261_130) {
      try runCase(&$0, label: $1, rebuilt: &rebuilt, reindexed: &reindexed)
    }
    // Every way is taken: a cache extended with the visitors added since, one with visitors indexed again,
    // one built again.
    #expect(extended > 0)
    #expect(reindexed > 0)
    #expect(rebuilt > 0)
  }

  /// One case: records of several origins (registrations, renames, merges, unmerges) with random clocks;
  /// the index of a random part of them is saved, loaded and brought up to date with the fold of all of
  /// them (records before and after what was indexed), then compared with a fresh index on random queries.
  /// Returns 1 when the cache was extended, and counts the caches built again in `rebuilt`, those with
  /// visitors indexed again in place in `reindexed`.
  private func runCase(_ random: inout SeededRandom, label: String, rebuilt: inout Int, reindexed: inout Int)
    throws -> Int
  {
    let words = [
      "maria", "mário", "joão", "joana", "silva", "silvestre", "tavares", "diop", "djop", "ndiaye", "sarr",
      "fatoumata", "fatima", "мария", "ana", "a.", "m", "semedo", "gonçalves", "lopes", "lópez",
    ]
    func name() -> String {
      (0..<Int.random(in: 1...4, using: &random)).map { _ in words.randomElement(using: &random)! }
        .joined(separator: " ")
    }
    func visitor(_ id: String) -> Visitor {
      var visitor = Visitor(id: id, fullName: name())
      if Bool.random(using: &random) { visitor.aliases = [name()] }
      if Int.random(in: 0..<3, using: &random) == 0 {
        visitor.phone = "+238 9\(Int.random(in: 100_000...100_300, using: &random))"
      }
      if Int.random(in: 0..<3, using: &random) == 0 {
        visitor.document = IdentityDocument(
          type: "passport", number: "P-\(Int.random(in: 100...160, using: &random))")
      }
      return visitor
    }
    struct Record {
      let clock: UInt64
      let origin: Int
      let events: [Event]
    }
    let origins = Int.random(in: 2...5, using: &random)
    var records: [Record] = []
    var ids: [String] = []
    for index in 0..<Int.random(in: 20...120, using: &random) {
      let origin = Int.random(in: 0..<origins, using: &random)
      let clock = UInt64.random(in: 0..<1000, using: &random)
      var events: [Event] = []
      if ids.count < 2 || Int.random(in: 0..<3, using: &random) > 0 {
        // Ids like the desk's: the origin's tag and the record's number (a few collide across origins).
        let id = "V-\(origin)-\(Int.random(in: 0..<(index + 5), using: &random))"
        ids.append(id)
        events.append(.visitorRegistered(visitor(id)))
      } else {
        let id = ids.randomElement(using: &random)!
        let other = ids.randomElement(using: &random)!
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
          events.append(
            .visitorUpdated(
              visitor(id), fields: [.fullName, .aliases, .phone, .document].randomElement(using: &random)!,
              base: 0))
        case 1: events.append(.visitorsMerged(keep: id, other: other))
        default: events.append(.visitorsUnmerged(keep: id, other: other))
        }
      }
      records.append(Record(clock: clock, origin: origin, events: events))
    }
    func fold(_ records: [Record]) -> OfficeState {
      var state = OfficeState()
      for record in records.sorted(by: { ($0.clock, $0.origin) < ($1.clock, $1.origin) }) {
        state.apply(
          EventBatch(staff: "Ana", office: "praia", events: record.events),
          time: WallTime(milliseconds: record.clock))
      }
      return state
    }
    // What was indexed: the records before a point of the canonical order (the others came after it, as at a
    // desk), or any part of them (the others came late, from origins that were away).
    let cut = (UInt64.random(in: 0...1000, using: &random), Int.random(in: 0..<origins, using: &random))
    let early = fold(
      Bool.random(using: &random)
        ? records.filter { ($0.clock, $0.origin) < cut } : records.filter { _ in Bool.random(using: &random) }
    )
    let all = fold(records)
    let folder = TemporaryDirectory("search-property")
    let key = SymmetricKey(size: .bits256)
    try SearchIndexFile.save(VisitorSearch(state: early), file: folder.path + "/search.bin", masterKey: key)
    var loaded = try #require(
      SearchIndexFile.load(file: folder.path + "/search.bin", keys: [key]), "\(label)")
    let fitted = loaded.isCurrent(prefixOf: all)
    let loadedKey = loaded.fingerprintKey
    loaded.update(with: all)
    // Extended (same key); or, not fitting, visitors indexed again in place (same key) or built again.
    if fitted {
      #expect(loaded.fingerprintKey == loadedKey, "\(label)")
    } else if loaded.fingerprintKey == loadedKey {
      reindexed += 1
    } else {
      rebuilt += 1
    }
    let fresh = VisitorSearch(state: all)
    var queries = (0..<25).map { _ in name() }
    queries += (0..<10).map { _ in
      String(words.randomElement(using: &random)!.prefix(Int.random(in: 1...4, using: &random)))
    }
    queries += ["9100", "100 2", "p-12", "p1", "+238 91001"]
    for query in queries {
      for limit in [1, 5, 100] {
        #expect(
          loaded.find(query, in: all, limit: limit) == fresh.find(query, in: all, limit: limit),
          "\(label): \(query) limit \(limit)")
      }
    }
    for _ in 0..<10 {
      var form = VisitorForm(fullName: name())
      form.phone = Bool.random(using: &random) ? "9\(Int.random(in: 100_000...100_300, using: &random))" : nil
      form.document = IdentityDocument(
        type: "passport", number: "p\(Int.random(in: 100...160, using: &random))")
      #expect(
        loaded.duplicates(of: form, in: all) == fresh.duplicates(of: form, in: all),
        "\(label): \(form.fullName)")
    }
    return fitted ? 1 : 0
  }

  @Test("SipHash-2-4 gives the reference vectors")
  func sipHash() {
    let key = SearchFingerprint.Key(k0: 0x0706_0504_0302_0100, k1: 0x0f0e_0d0c_0b0a_0908)
    var empty = SipHasher(key: key)
    #expect(empty.finish() == 0x726f_db47_dd0e_0e31)
    var fifteen = SipHasher(key: key)
    for byte in 0..<UInt8(15) { fifteen.append(byte) }
    #expect(fifteen.finish() == 0xa129_ca61_49be_45e5)
    // Whole words take the same path as bytes.
    var words = SipHasher(key: key)
    words.append(word: 0x0706_0504_0302_0100)
    for byte in 8..<UInt8(15) { words.append(byte) }
    #expect(words.finish() == 0xa129_ca61_49be_45e5)
    // A string is its length plus one and its bytes padded to words, whatever path reads them.
    var string = SipHasher(key: key)
    string.append("abcdefghij")
    var bytes = SipHasher(key: key)
    for byte in [11, 0, 0, 0, 0, 0, 0, 0] + Array("abcdefghij".utf8) + [0, 0, 0, 0, 0, 0] {
      bytes.append(UInt8(byte))
    }
    #expect(string.finish() == bytes.finish())
  }
}
