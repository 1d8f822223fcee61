import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// The snapshot cache written and read in sealed chunks: any chunk altered, dropped, moved or taken from
/// another cache makes the whole cache unusable, and the office rebuilds from the journal with nothing lost.
@Suite struct SnapshotChunkTests {
  /// One chunk of a cache file: where its clear frame starts, where it ends, and what the frame says.
  struct Chunk {
    var start: Int
    var end: Int
    var section: UInt8
    var index: UInt32
    var last: Bool
  }

  /// The chunks of `bytes` as the frames describe them.
  static func chunks(_ bytes: [UInt8]) throws -> [Chunk] {
    var result: [Chunk] = []
    var offset = StateSnapshot.headerCount
    while offset < bytes.count {
      var r = ByteReader(bytes, range: offset..<offset + SnapshotChunk.frameSize)
      let section = try r.readUInt8()
      let index = try r.readUInt32()
      let last = try r.readBool()
      let end = offset + SnapshotChunk.frameSize + Int(try r.readUInt32())
      result.append(Chunk(start: offset, end: end, section: section, index: index, last: last))
      offset = end
    }
    return result
  }

  /// An office of 120 visitors over 5 days whose cache is saved in chunks of 512 plaintext bytes.
  static func chunkedOffice() throws -> (TemporaryDirectory, Office, file: String) {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    var generator = DemoGenerator(seed: 11)
    _ = try generator.fill(office, visitors: 120, days: 5)
    office.saveSnapshot(chunkSize: 512)
    return (dir, office, dir.path + "/cache/state.bin")
  }

  /// What loading `bytes` as the office's cache finds (the office's own journal, not moved).
  static func loads(_ bytes: [UInt8], _ office: Office, _ dir: TemporaryDirectory) throws -> Bool {
    let file = dir.path + "/cache/probe.bin"
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let keyring = office.keyringForVerification
    let outcome = StateSnapshot.load(
      file: file, masterKey: keyring.key(keyring.current)!, journal: office.journal)
    if case .loaded = outcome {
      return true
    }
    return false
  }

  /// The cache replaced by `bytes`: the next opening is cold, folds the same state, and writes a cache that
  /// opens warm again.
  static func rebuildsWithNothingLost(
    _ bytes: [UInt8], _ office: Office, _ dir: TemporaryDirectory, _ label: String
  ) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: dir.path + "/cache/state.bin"))
    let reopened = try TestOffice.reopen(dir)
    #expect(!reopened.openedFromSnapshot, "\(label)")
    #expect(digest(reopened.state) == digest(office.state), "\(label)")
    let warm = try TestOffice.reopen(dir)
    #expect(warm.openedFromSnapshot && digest(warm.state) == digest(office.state), "\(label)")
  }

  @Test func theCacheIsWrittenInSmallChunksAndOpensWarmAsTheColdRebuild() throws {
    let (dir, office, file) = try Self.chunkedOffice()
    let bytes = try FileIO.read(file)
    let chunks = try Self.chunks(bytes)
    #expect(chunks.last?.end == bytes.count)
    let state = chunks.filter { $0.section == SnapshotSection.state.rawValue }
    #expect(state.count > 20, "the state in many chunks")
    #expect(state.map(\.index) == (0..<UInt32(state.count)).map { $0 })
    #expect(state.map(\.last) == Array(repeating: false, count: state.count - 1) + [true])
    // No chunk holds much more than the chunk size: the state is never encoded or sealed whole.
    #expect(
      chunks.allSatisfy { $0.end - $0.start <= 512 + 2048 }, "\(chunks.map { $0.end - $0.start }.max()!)")
    let warm = try TestOffice.reopen(dir)
    #expect(warm.openedFromSnapshot && warm.recordsReplayed == 0)
    #expect(digest(warm.state) == digest(office.state))
    try FileManager.default.removeItem(atPath: dir.path + "/cache")
    let cold = try TestOffice.reopen(dir)
    #expect(!cold.openedFromSnapshot)
    #expect(digest(cold.state) == digest(warm.state))
  }

  @Test func aFlippedByteInAnyChunkMakesTheCacheUnusable() throws {
    let (dir, office, file) = try Self.chunkedOffice()
    let bytes = try FileIO.read(file)
    #expect(try Self.loads(bytes, office, dir), "the intact cache loads")
    // The header, then in every chunk a byte of its frame, its nonce, its ciphertext and its tag.
    var places = Array(0..<StateSnapshot.headerCount)
    for chunk in try Self.chunks(bytes) {
      let sealed = chunk.start + SnapshotChunk.frameSize
      places += [
        chunk.start, chunk.start + 5, chunk.start + 9, sealed, (sealed + chunk.end) / 2, chunk.end - 1,
      ]
    }
    for place in places {
      var damaged = bytes
      damaged[place] ^= 0x20
      #expect(try !Self.loads(damaged, office, dir), "byte \(place)")
    }
    var damaged = bytes
    damaged[bytes.count / 2] ^= 0x01
    try Self.rebuildsWithNothingLost(damaged, office, dir, "flipped")
  }

  @Test func aTruncatedOrExtendedCacheIsUnusable() throws {
    let (dir, office, file) = try Self.chunkedOffice()
    let bytes = try FileIO.read(file)
    let chunks = try Self.chunks(bytes)
    // At every chunk's start (whole chunks dropped from the end), inside frames and inside sealed parts.
    var cuts = [0, 5, StateSnapshot.headerCount]
    for chunk in chunks {
      cuts += [chunk.start, chunk.start + 3, (chunk.start + chunk.end) / 2, chunk.end - 1]
    }
    for cut in Set(cuts) where cut < bytes.count {
      #expect(try !Self.loads(Array(bytes[..<cut]), office, dir), "cut at \(cut)")
    }
    // A last chunk repeated, or any byte after it.
    let last = chunks.last!
    #expect(try !Self.loads(bytes + bytes[last.start..<last.end], office, dir))
    #expect(try !Self.loads(bytes + [0], office, dir))
    try Self.rebuildsWithNothingLost(
      Array(bytes[..<chunks[chunks.count / 2].start]), office, dir, "truncated")
  }

  @Test func swappedChunksAreRefusedEvenWithTheirNumbersRewritten() throws {
    let (dir, office, file) = try Self.chunkedOffice()
    let bytes = try FileIO.read(file)
    let chunks = try Self.chunks(bytes).filter { $0.section == SnapshotSection.state.rawValue }
    let (a, b) = (chunks[2], chunks[3])
    let swapped = Array(bytes[..<a.start] + bytes[b.start..<b.end] + bytes[a.start..<a.end] + bytes[b.end...])
    #expect(try !Self.loads(swapped, office, dir))
    // The clear chunk numbers put back in order: the authenticated data still refuses them.
    var renumbered = swapped
    let bSize = b.end - b.start
    renumbered.replaceSubrange((a.start + 1)..<(a.start + 5), with: bytes[(a.start + 1)..<(a.start + 5)])
    renumbered.replaceSubrange(
      (a.start + bSize + 1)..<(a.start + bSize + 5), with: bytes[(b.start + 1)..<(b.start + 5)])
    #expect(try Self.chunks(renumbered).filter { $0.section == 2 }.map(\.index) == chunks.map(\.index))
    #expect(try !Self.loads(renumbered, office, dir))
    // A last-chunk flag moved to an earlier chunk (the rest dropped) is refused too.
    var early = Array(bytes[..<b.end])
    early[b.start + 5] = 1
    #expect(try !Self.loads(early, office, dir))
    try Self.rebuildsWithNothingLost(swapped, office, dir, "swapped")
  }

  @Test func aChunkFromAnotherCacheOrAnotherOfficeIsRefused() throws {
    let (dir, office, file) = try Self.chunkedOffice()
    let first = try FileIO.read(file)
    // Another cache of the same office and key, with the same chunk boundaries: spliced chunk by chunk.
    office.saveSnapshot(chunkSize: 512)
    let second = try FileIO.read(file)
    #expect(first != second, "each cache has its own file id")
    let chunks = try Self.chunks(second)
    #expect(try Self.chunks(first).map(\.end) == chunks.map(\.end))
    for chunk in chunks {
      var spliced = second
      spliced.replaceSubrange(chunk.start..<chunk.end, with: first[chunk.start..<chunk.end])
      #expect(try !Self.loads(spliced, office, dir), "chunk \(chunk.section)/\(chunk.index)")
    }
    // Another office's cache (another key) put in this office's folder.
    let (otherDir, _, otherFile) = try Self.chunkedOffice()
    let other = try withExtendedLifetime(otherDir) { try FileIO.read(otherFile) }
    #expect(try !Self.loads(other, office, dir))
    try Self.rebuildsWithNothingLost(other, office, dir, "another office's cache")
  }

  @Test func aCacheOfTheOldVersionIsRebuilt() throws {
    let (dir, office, file) = try Self.chunkedOffice()
    // Version 11: magic, version, then the whole encoded state sealed in one piece.
    var header = ByteWriter()
    header.write(raw: StateSnapshot.magic)
    header.write(UInt16(11))
    var plain = ByteWriter()
    StateCodec.encode(office.state, into: &plain)
    let keyring = office.keyringForVerification
    let sealed = try Sealer(masterKey: keyring.key(keyring.current)!, purpose: "cache").seal(
      plain.bytes, authenticating: header.bytes)
    #expect(try !Self.loads(header.bytes + sealed, office, dir))
    try Self.rebuildsWithNothingLost(header.bytes + sealed, office, dir, "version 11")
    let rebuilt = try FileIO.read(file)
    #expect(rebuilt[8] == UInt8(StateSnapshot.version) && StateSnapshot.version == 17)
    // Versions 12 (the visits encoded one by one), 13 (the visitors, referrals and follow-ups encoded one by
    // one), 14 (the visits inside the state section), 15 (segment seals over the records' bytes) and 16 (event
    // 34 kept as unknown: a visit put back in the queue still called): the same chunks, refused by their
    // version, then rebuilt.
    for old in [UInt8(12), 13, 14, 15, 16] {
      var earlier = Array(rebuilt)
      earlier[8] = old
      #expect(try !Self.loads(earlier, office, dir))
      try Self.rebuildsWithNothingLost(earlier, office, dir, "version \(old)")
      #expect(try FileIO.read(file)[8] == 17)
    }
  }

  /// The state folded from a random script of 2–6 origins, its records shuffled.
  static func randomState(_ random: inout SeededRandom) -> OfficeState {
    var state = OfficeState()
    state.office = "praia"
    let script = RandomScript(&random, origins: Int.random(in: 2...6, using: &random))
    var records: [(date: Date, staff: String, events: [Event])] = []
    for (origin, list) in script.records.enumerated() {
      records += list.map { ($0.date, "staff \(origin)", $0.events) }
    }
    records.shuffle(using: &random)
    for record in records {
      state.apply(
        EventBatch(staff: record.staff, office: "praia", events: record.events),
        time: WallTime(milliseconds: UInt64(record.date.timeIntervalSince1970 * 1000)))
    }
    return state
  }

  /// Random states of several origins (the fold's property script), saved in chunks of random sizes and
  /// loaded back: the same state, every list in its order.
  @Test func randomStatesRoundTripThroughChunksOfAnySize() throws {
    let dir = TemporaryDirectory()
    let key = SymmetricKey(size: .bits256)
    let keyring = Keyring(masterKey: key)
    let journal = try Journal(root: dir.path + "/journal", origin: .random(), keyring: keyring)
    let cases = try runPropertyCases("GAIDESK_SNAPSHOT_CASES", count: 60, seed: 20_261_201) { random, label in
      let state = Self.randomState(&random)
      let file = dir.path + "/cache/\(label).bin"
      let chunkSize = Int.random(in: 1...3000, using: &random)
      try StateSnapshot.save(
        state, appliedKey: nil, journal: journal, seals: [], file: file, masterKey: key, chunkSize: chunkSize)
      guard case .loaded(let loaded, _, _) = StateSnapshot.load(file: file, masterKey: key, journal: journal)
      else {
        Issue.record("\(label): chunks of \(chunkSize) bytes did not load")
        return 0
      }
      #expect(digest(loaded) == digest(state), "\(label): chunks of \(chunkSize) bytes")
      return 1
    }
    #expect(cases == 60 || ProcessInfo.processInfo.environment["GAIDESK_SNAPSHOT_CASES"] != nil)
  }

  /// The visits, referrals and follow-ups are the cache's third section, after the state, each section numbered from 0 and ending with
  /// its last chunk; they are read on another thread while the state is read. A cache without them, with
  /// another cache's visits, or with a visits chunk among the state's, is refused and rebuilt.
  @Test func theVisitsAreASectionOfTheirOwnThatMustFollowTheState() throws {
    let (dir, office, file) = try Self.chunkedOffice()
    let bytes = try FileIO.read(file)
    let chunks = try Self.chunks(bytes)
    #expect(chunks.map(\.section) == chunks.map(\.section).sorted())
    #expect(Set(chunks.map(\.section)) == [1, 2, 3])
    for section in [UInt8(1), 2, 3] {
      let own = chunks.filter { $0.section == section }
      #expect(own.map(\.index) == (0..<UInt32(own.count)).map { $0 }, "section \(section)")
      #expect(own.map(\.last) == Array(repeating: false, count: own.count - 1) + [true], "section \(section)")
    }
    let visits = chunks.filter { $0.section == SnapshotSection.activity.rawValue }
    #expect(visits.count > 3, "the visits in many chunks")
    #expect(try Self.loads(bytes, office, dir), "the intact cache loads")
    let withoutVisits = Array(bytes[..<visits[0].start])
    #expect(try !Self.loads(withoutVisits, office, dir), "no visits")
    // Another cache of the same office: its whole visits section after this cache's state.
    office.saveSnapshot(chunkSize: 512)
    let other = try FileIO.read(file)
    let otherVisits = try Self.chunks(other).filter { $0.section == SnapshotSection.activity.rawValue }
    #expect(try !Self.loads(withoutVisits + other[otherVisits[0].start...], office, dir), "another's visits")
    // The first visits chunk moved before the state's last chunk.
    let lastState = chunks.last { $0.section == SnapshotSection.state.rawValue }!
    let moved = Array(
      bytes[..<lastState.start] + bytes[visits[0].start..<visits[0].end]
        + bytes[lastState.start..<lastState.end]
        + bytes[visits[0].end...])
    #expect(try !Self.loads(moved, office, dir), "a visits chunk among the state's")
    try Self.rebuildsWithNothingLost(withoutVisits, office, dir, "no visits")
  }

  /// Random offices of several origins saved in chunks of random sizes: the state loaded with its visits,
  /// referrals and follow-ups read on another thread is the state the serial, one-piece decoding reads — every
  /// visit, referral and follow-up in its order, the groups by day and by visitor alike — whichever thread
  /// ends first (each cache loaded three times).
  @Test func visitsReadOnAnotherThreadAreTheSerialDecodingsVisits() throws {
    let dir = TemporaryDirectory()
    let key = SymmetricKey(size: .bits256)
    let journal = try Journal(
      root: dir.path + "/journal", origin: .random(), keyring: Keyring(masterKey: key))
    let cases = try runPropertyCases("GAIDESK_SNAPSHOT_CASES", count: 40, seed: 20_261_202) { random, label in
      let state = Self.randomState(&random)
      var w = ByteWriter()
      StateCodec.encode(state, into: &w)
      var r = ByteReader(w.bytes)
      let serial = try StateCodec.decode(&r)
      let file = dir.path + "/cache/\(label).bin"
      let chunkSize = Int.random(in: 1...2000, using: &random)
      try StateSnapshot.save(
        state, appliedKey: nil, journal: journal, seals: [], file: file, masterKey: key, chunkSize: chunkSize)
      for attempt in 0..<3 {
        guard
          case .loaded(let loaded, _, _) = StateSnapshot.load(file: file, masterKey: key, journal: journal)
        else {
          Issue.record("\(label): chunks of \(chunkSize) bytes did not load")
          return 0
        }
        #expect(digest(loaded) == digest(serial), "\(label) #\(attempt)")
        #expect(Array(loaded.visits.values) == Array(serial.visits.values), "\(label) #\(attempt)")
        #expect(loaded.allReferrals == serial.allReferrals && loaded.referralOrder == serial.referralOrder)
        #expect(loaded.allFollowUps == serial.allFollowUps && loaded.followUpOrder == serial.followUpOrder)
        #expect(
          loaded.visitors.values == serial.visitors.values && loaded.visitorOrder == serial.visitorOrder)
        for groups in [
          (loaded.visitsByDay, serial.visitsByDay), (loaded.visitsByVisitor, serial.visitsByVisitor),
        ] {
          #expect(groups.0.keys == groups.1.keys, "\(label) #\(attempt)")
          #expect(groups.0.keys.map { groups.0[$0]! } == groups.1.keys.map { groups.1[$0]! }, "\(label)")
        }
      }
      return 1
    }
    #expect(cases == 40 || ProcessInfo.processInfo.environment["GAIDESK_SNAPSHOT_CASES"] != nil)
  }
}
