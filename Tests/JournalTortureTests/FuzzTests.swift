import Crypto
import Foundation
import GAIDesk
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Mutations of a valid input: bit flips, random or extreme bytes, insertions, deletions, duplications, cuts.
func mutate(_ input: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
  var bytes = input
  for _ in 0..<(1 + random.below(6)) {
    let position = bytes.isEmpty ? 0 : random.below(bytes.count)
    switch random.below(8) {
    case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1) << UInt8(random.below(8))
    case 1 where !bytes.isEmpty: bytes[position] = UInt8(truncatingIfNeeded: random.next())
    case 2 where !bytes.isEmpty: bytes[position] = [0, 0xFF, 0x7F, 0x80][random.below(4)]
    case 3: bytes.insert(contentsOf: random.bytes(1 + random.below(16)), at: position)
    case 4 where !bytes.isEmpty:
      bytes.removeSubrange(position..<min(bytes.count, position + 1 + random.below(32)))
    case 5 where !bytes.isEmpty:
      let end = min(bytes.count, position + 1 + random.below(64))
      bytes.insert(contentsOf: bytes[position..<end], at: random.below(bytes.count))
    case 6: bytes = Array(bytes.prefix(position))
    default:
      // A varint or 32-bit length somewhere set to something huge.
      if bytes.count >= position + 5 {
        let huge: [UInt8] = [
          [0xFF, 0xFF, 0xFF, 0x7F], [0x00, 0x00, 0x10, 0x00], [0xFF, 0xFF, 0xFF, 0xFF],
        ][random.below(3)]
        bytes.replaceSubrange(position..<position + 4, with: huge)
      }
    }
  }
  return bytes
}

extension JournalTorture {
  /// SegmentScanner over random and mutated segments: it never traps, everything it returns is a real frame
  /// (checksum verified again here), positions stay inside the input, and it finishes quickly.
  @Test func fuzzSegmentScanner() throws {
    let iterations = Torture.count("TORTURE_FUZZ", ci: 3000, long: 100_000)
    var random = SeededRandom(seed: Torture.seed("fuzz-scanner"))
    let scratch = Scratch("fuzz-scan")
    defer { scratch.remove() }
    let origin = OriginID.random()
    let journal = try Journal(
      root: scratch.path, origin: origin, keyring: Keyring(masterKey: SymmetricKey(size: .bits256)))
    try journal.append(count: 12, deliver: { _ in }) { _ in random.bytes(random.below(300)) }
    let valid = try FileIO.read(TestOffice.segments(journal: scratch.path, origin: origin)[0])
    var slowest = 0.0
    var stops = 0
    for i in 0..<iterations {
      let input = i % 4 == 0 ? random.bytes(random.below(4096)) : mutate(valid, &random)
      let base = random.below(2) == 0 ? 0 : random.below(1 << 30)
      let start = Date()
      let (records, stop) = SegmentScanner(bytes: input, base: base, origin: origin).scan()
      slowest = max(slowest, Date().timeIntervalSince(start))
      var end = base
      for record in records {
        #expect(record.offset >= end && record.end <= base + input.count)
        let at = record.offset - base
        #expect(Array(input[at + 8..<at + 8 + record.body.count]) == Array(record.body))
        let length =
          UInt32(input[at]) | UInt32(input[at + 1]) << 8 | UInt32(input[at + 2]) << 16 | UInt32(input[at + 3])
          << 24
        let checksum =
          UInt32(input[at + 4]) | UInt32(input[at + 5]) << 8 | UInt32(input[at + 6]) << 16 | UInt32(
            input[at + 7]) << 24
        #expect(Int(length) == record.body.count && CRC32C.checksum(record.body) == checksum)
        #expect(record.header.origin == origin)
        end = record.end
      }
      switch stop {
      case .incompleteTail(let offset, _): #expect(offset >= end && offset <= base + input.count)
      case .damage(let offset, _, let resumesAt):
        #expect(offset >= end && resumesAt > offset && resumesAt <= base + input.count)
      case nil: #expect(end == base + input.count)
      }
      if stop != nil { stops += 1 }
    }
    #expect(slowest < 2, "one scan took \(slowest) s")
    // The header parser: every mutation of a valid header is refused; random bytes almost always are.
    var header = SegmentFormat.header(origin: origin, index: 7)
    #expect(try SegmentFormat.parseHeader(header) == (origin, 7))
    for i in 0..<iterations {
      var mutated = header
      let position = random.below(SegmentFormat.headerSize)
      mutated[position] ^= UInt8(1 + random.below(255))
      #expect(throws: SegmentFormat.HeaderProblem.self, "byte \(position)") {
        try SegmentFormat.parseHeader(mutated)
      }
      let noise =
        i % 2 == 0 ? random.bytes(random.below(80)) : SegmentFormat.magic + random.bytes(random.below(60))
      _ = try? SegmentFormat.parseHeader(noise)
      header = SegmentFormat.header(origin: origin, index: 1 + random.below(1_000_000))
    }
    Torture.figure(
      "fuzz scanner: \(iterations) random/mutated segments (\(stops) stopped early), slowest scan "
        + String(format: "%.1f ms", slowest * 1000) + "; \(iterations) mutated headers all refused")
  }

  /// EventCodec over random and mutated payloads: decodes or throws, never traps.
  @Test func fuzzEventCodec() throws {
    let iterations = Torture.count("TORTURE_FUZZ", ci: 3000, long: 100_000)
    var random = SeededRandom(seed: Torture.seed("fuzz-codec"))
    var visitor = Visitor(id: "V-K7QD-12", fullName: "Amadú Baldé")
    visitor.aliases = ["Amadu Balde"]
    visitor.phone = "+238 991 2345"
    visitor.document = IdentityDocument(type: "passport", number: "P123456")
    visitor.consentToShare = Consent(granted: true, date: "2025-03-02", recordedBy: "ana")
    let batch = EventBatch(
      staff: "ana", office: "praia",
      events: [
        .visitorRegistered(visitor),
        .visitArrived(visitID: "T-K7QD-13", visitorID: visitor.id, day: "2025-03-02", number: 4),
        .visitClosed(
          visitID: "T-K7QD-13", topics: ["residence.renewal"], outcome: "informed", note: "Trazer contrato."),
        .referralCreated(
          referralID: "R-K7QD-14", visitorID: visitor.id, partner: "OIM", topic: "integration.work", due: nil,
          note: nil, visitID: nil),
        .unknown(type: 900, version: 3, body: [1, 2, 3]),
      ])
    let valid = EventCodec.encode(batch)
    #expect(try EventCodec.decode(valid) == batch)
    var decoded = 0
    for i in 0..<iterations {
      let input = i % 4 == 0 ? [1] + random.bytes(random.below(512)) : mutate(valid, &random)
      if let batch = try? EventCodec.decode(input) {
        decoded += 1
        // Whatever decodes re-encodes to something that decodes to the same batch.
        #expect(try EventCodec.decode(EventCodec.encode(batch)) == batch)
      }
    }
    Torture.figure(
      "fuzz event codec: \(iterations) random/mutated payloads, \(decoded) decoded, none trapped")
  }

  /// Key slots: random and mutated JSON, and well-formed slots with hostile fields, are refused with an error
  /// (or nil for a wrong key), never a trap. Only cheap scrypt parameters are tried (see RELIABILITY.md).
  @Test func fuzzKeySlots() throws {
    let iterations = Torture.count("TORTURE_FUZZ_SLOTS", ci: 300, long: 5000)
    var random = SeededRandom(seed: Torture.seed("fuzz-keyslot"))
    let key = SymmetricKey(size: .bits256)
    let slot = try KeySlot.make(for: key, passphrase: "right passphrase", logN: 10)
    let json = try JSONEncoder().encode(slot)
    #expect(try slot.unlock(passphrase: "right passphrase") == key)
    #expect(try slot.unlock(passphrase: "wrong passphrase") == nil)
    var refused = 0
    var unlocked = 0
    for i in 0..<iterations {
      var candidate: KeySlot?
      if i % 2 == 0 {
        candidate = try? JSONDecoder().decode(KeySlot.self, from: Data(mutate(Array(json), &random)))
      } else {
        var hostile = slot
        switch random.below(7) {
        case 0: hostile.scrypt.logN = [-1, 0, 9, 23, 64, Int.max, Int.min][random.below(7)]
        case 1: hostile.scrypt.r = [0, -1, 33, Int.max][random.below(4)]
        case 2: hostile.scrypt.p = [0, -1, 17, Int.max][random.below(4)]
        case 3:
          hostile.scrypt.salt =
            ["", "!!!", String(repeating: "A", count: 1 + random.below(100))][random.below(3)]
        case 4:
          var sealed = Array(Data(base64Encoded: slot.scrypt.sealedKey)!)
          sealed = mutate(sealed, &random)
          hostile.scrypt.sealedKey = Data(sealed).base64EncodedString()
        case 5: hostile.version = [2, 99, Int.max][random.below(3)]
        default: hostile.scrypt.kdf = ["argon2", "", "SCRYPT"][random.below(3)]
        }
        candidate = hostile
      }
      guard let candidate else {
        refused += 1
        continue
      }
      // Keep fuzzing cheap: at most N = 2^12, r = 8, p = 2 are actually derived.
      if (10...12).contains(candidate.scrypt.logN) && (1...8).contains(candidate.scrypt.r)
        && (1...2).contains(candidate.scrypt.p)
        || !(10...22).contains(candidate.scrypt.logN) || !(1...32).contains(candidate.scrypt.r)
        || !(1...16).contains(candidate.scrypt.p)
        || candidate.version > KeySlot.formatVersion || candidate.scrypt.kdf != "scrypt"
      {
        do {
          if let found = try candidate.unlock(passphrase: "right passphrase") {
            #expect(found == key, "a mutated slot unlocked another key")
            unlocked += 1
          } else {
            refused += 1
          }
        } catch {
          #expect(error is GAIDeskError)
          refused += 1
        }
      }
    }
    Torture.figure(
      "fuzz key slots: \(iterations) mutated/hostile slots, \(refused) refused, \(unlocked) still unlocked the right key"
    )
  }

  /// The snapshot cache damaged in every way a disk or a person can: the office still opens to exactly the
  /// state a cold rebuild gives.
  @Test func corruptedSnapshotCache() throws {
    var random = SeededRandom(seed: Torture.seed("fuzz-snapshot"))
    let iterations = Torture.count("TORTURE_SNAPSHOTS", ci: 60, long: 1000)
    let scratch = Scratch("snap")
    defer { scratch.remove() }
    let root = scratch.path + "/office"
    let office = try TestOffice.create(root)
    for i in 0..<40 { try TestOffice.register(office, "Visitor \(i)") }
    office.saveSnapshot()
    let paths = OfficePaths(root: root)
    let snapshot = try FileIO.read(paths.snapshot)
    let other = Scratch("snap-other")
    defer { other.remove() }
    try TestOffice.create(other.path + "/office").saveSnapshot()
    let foreign = try FileIO.read(other.path + "/office/cache/state.bin")

    func fingerprint(_ office: Office) -> [Int] {
      [
        office.state.recordCount, office.state.eventCount, office.state.visitors.count,
        office.state.visits.count,
      ]
    }
    try FileManager.default.removeItem(atPath: paths.cache)
    let reference = fingerprint(try TestOffice.open(root))
    var cases = 0
    for i in 0..<iterations {
      let bytes: [UInt8]
      switch i % 6 {
      case 0: bytes = random.bytes(random.below(2000))
      case 1: bytes = Array(snapshot.prefix(random.below(snapshot.count)))
      case 2: bytes = mutate(snapshot, &random)
      case 3: bytes = foreign
      case 4: bytes = Array(snapshot.prefix(10)) + random.bytes(random.below(500))
      default:
        var flipped = snapshot
        flipped[random.below(flipped.count)] ^= UInt8(1) << UInt8(random.below(8))
        bytes = flipped
      }
      try FileIO.makeDirectory(paths.cache)
      try overwrite(paths.snapshot, with: bytes)
      let opened = try TestOffice.open(root)
      #expect(fingerprint(opened) == reference, "case \(i % 6)")
      #expect(opened.damage.isEmpty)
      cases += 1
    }
    Torture.figure(
      "fuzz snapshot cache: \(cases) corrupted caches, the office opened to the rebuilt state every time")
  }

  /// A valid cache that covers a record the journal no longer has (the journal restored from an older copy,
  /// the loss accepted by a supervisor, written again, the cache left behind). The restored office names the
  /// lost record and refuses writes until the loss is accepted; then it opens to the journal's state, not the
  /// cache's, and never chains new records onto the vanished one.
  @Test func staleSnapshotOverRewrittenJournal() throws {
    let scratch = Scratch("stale")
    defer { scratch.remove() }
    let root = scratch.path + "/office"
    let paths = OfficePaths(root: root)
    let office = try TestOffice.create(root)
    try TestOffice.register(office, "Ana Mendes")
    let origin = try TestOffice.origin(root)
    let segment = try #require(TestOffice.segments(root, origin: origin).last)
    let backup = try FileIO.read(segment)
    try TestOffice.register(office, "Rui Tavares")
    office.saveSnapshot()
    let staleCache = try FileIO.read(paths.snapshot)
    // Restore the older journal: the lost record is named and nothing is written until a supervisor accepts.
    try overwrite(segment, with: backup)
    try FileManager.default.removeItem(atPath: paths.cache)
    let restored = try TestOffice.open(root)
    #expect(restored.isReadOnly && restored.damage.contains { $0.reason.contains("missing") })
    #expect(throws: GAIDeskError.self) { try TestOffice.register(restored, "Refused") }
    try restored.acceptMissingHistory(staff: "ana")
    try TestOffice.register(restored, "Eva Lopes X")
    // Put the old cache back.
    try overwrite(paths.snapshot, with: staleCache)

    let opened = try TestOffice.open(root)
    let names = Set(opened.state.visitors.values.map(\.fullName))
    #expect(names == ["Ana Mendes", "Eva Lopes X"], "opened with the cache's state: \(names)")
    try TestOffice.register(opened, "Next")
    let cold = try JournalRead(
      root: paths.journal, origin: origin, keyring: try TestOffice.journalKeyring(root), repair: false)
    #expect(
      cold.damage.isEmpty,
      "the next record was chained onto a record the journal does not have: \(cold.damage)")
  }
}
