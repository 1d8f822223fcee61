import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// The journal merges its origins' logs as it reads them, one segment's records per origin at a time, and
/// delivers every record in canonical order: an opening folds them as they come, without gathering and
/// sorting them all first.
@Suite struct CanonicalMergeTests {
  let keyring = Keyring(masterKey: SymmetricKey(size: .bits256))

  /// Writes `count` records as `origin` with its own clock at `dates` (one append each when `separately`,
  /// so a long log spans several segments), in a folder of its own, then moves its log under `root`.
  func writeOrigin(
    root: String, scratch: String, dates: [Date], payload: Int = 10, separately: Bool = false,
    keyring: Keyring? = nil, make: ((RecordStamp) -> [UInt8])? = nil
  ) throws -> OriginID {
    let origin = OriginID.random()
    let journal = try Journal(root: scratch, origin: origin, keyring: keyring ?? self.keyring)
    var next = 0
    let now = {
      defer { next += 1 }
      return dates[min(next, dates.count - 1)]
    }
    let make =
      make ?? { stamp in [UInt8](repeating: UInt8(truncatingIfNeeded: stamp.sequence), count: payload) }
    if separately {
      for _ in dates { try journal.append(count: 1, now: now, deliver: { _ in }, make: make) }
    } else {
      try journal.append(count: dates.count, now: now, deliver: { _ in }, make: make)
    }
    try FileIO.makeDirectory(root)
    try FileManager.default.moveItem(atPath: scratch + "/" + origin.hex, toPath: root + "/" + origin.hex)
    return origin
  }

  /// Random dates from a skewed start, now and then set back (the hybrid clock still moves forward).
  func dates(_ random: inout SeededRandom, count: Int) -> [Date] {
    var seconds = 1_795_000_000 + Double(Int.random(in: -7200...7200, using: &random))
    return (0..<count).map { _ in
      seconds += Double(Int.random(in: -60...600, using: &random))
      return Date(timeIntervalSince1970: seconds)
    }
  }

  @Test func refreshDeliversEveryOriginInCanonicalOrder() throws {
    _ = try runPropertyCases("GAIDESK_PROPERTY_CASES", count: 30, seed: 20_261_201) { random, label in
      let dir = TemporaryDirectory()
      let root = dir.path + "/journal"
      var written = 0
      for number in 0..<Int.random(in: 2...6, using: &random) {
        let count = Int.random(in: 1...40, using: &random)
        _ = try writeOrigin(
          root: root, scratch: dir.path + "/origin-\(number)", dates: dates(&random, count: count))
        written += count
      }
      let reader = try Journal(root: root, origin: OriginID.random(), keyring: keyring)
      var keys: [RecordKey] = []
      try reader.refresh { keys.append($0.key) }
      #expect(keys.count == written, "\(label)")
      #expect(keys == keys.sorted(), "\(label)")
      var replayed: [RecordKey] = []
      try reader.replay { replayed.append($0.key) }
      #expect(replayed == keys, "\(label): replay")
      return 0
    }
  }

  /// A log of several segments (read one segment at a time) merged with short ones.
  @Test func logsOfSeveralSegmentsMergeInCanonicalOrder() throws {
    var random = SeededRandom(seed: 7)
    let dir = TemporaryDirectory()
    let root = dir.path + "/journal"
    let long = try writeOrigin(
      root: root, scratch: dir.path + "/long", dates: dates(&random, count: 14), payload: 400_000,
      separately: true)
    let segments = try FileManager.default.contentsOfDirectory(atPath: root + "/" + long.hex)
      .filter { SegmentFormat.index(fileName: $0) != nil }
    #expect(segments.count >= 2)
    for number in 0..<3 {
      _ = try writeOrigin(
        root: root, scratch: dir.path + "/short-\(number)", dates: dates(&random, count: 30))
    }
    let reader = try Journal(root: root, origin: OriginID.random(), keyring: keyring)
    var keys: [RecordKey] = []
    try reader.refresh { keys.append($0.key) }
    #expect(keys.count == 14 + 3 * 30)
    #expect(keys == keys.sorted())
    #expect(keys.filter { $0.origin == long }.map(\.sequence) == Array(1...14))
  }

  /// A log whose records are not in the order of their clocks (GAIDesk never writes one; written here by
  /// hand) still folds to the canonical state, cold and after a late record.
  @Test func aLogOutOfClockOrderStillFoldsCanonically() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let keyring = office.keyringForVerification
    let origin = OriginID.random()
    let base = UInt64(Date().timeIntervalSince1970 * 1000) << 16
    // In the log: an update, the registration it updates (earlier clock), then an earlier update.
    var visitor = Visitor(id: "V-FORGED-1", fullName: "Registered")
    let registered = Event.visitorRegistered(visitor)
    visitor.fullName = "Latest"
    let latest = Event.visitorUpdated(visitor, fields: .fullName, base: 0)
    visitor.fullName = "Between"
    let between = Event.visitorUpdated(visitor, fields: .fullName, base: 0)
    let records: [(clock: UInt64, event: Event)] = [
      (base + 3_000 << 16, latest), (base + 1_000 << 16, registered), (base + 2_000 << 16, between),
    ]
    var segment = SegmentFormat.header(origin: origin, index: 1)
    var previous = [UInt8](repeating: 0, count: 32)
    for (index, record) in records.enumerated() {
      let header = RecordHeader(
        origin: origin, sequence: UInt64(index + 1), epoch: keyring.current, previousHash: previous)
      let content = RecordContent(
        clock: HybridTime(rawValue: record.clock), wall: WallTime(milliseconds: record.clock >> 16),
        payload: EventCodec.encode(EventBatch(staff: "Ana", office: "praia", events: [record.event])))
      let body = header.bytes + (try keyring.currentSealer.seal(content.bytes, authenticating: header.bytes))
      segment += SegmentFormat.frame(body: body)
      previous = ScannedRecord(header: header, offset: 0, body: body[...]).hash
    }
    let folder = dir.path + "/journal/" + origin.hex
    try FileIO.makeDirectory(folder)
    try FileIO.writeAtomically(segment, to: folder + "/" + SegmentFormat.fileName(index: 1))

    try? FileManager.default.removeItem(atPath: dir.path + "/cache")
    let cold = try TestOffice.reopen(dir)
    #expect(cold.damage.isEmpty)
    #expect(cold.state.visitors["V-FORGED-1"]?.fullName == "Latest")
    #expect(digest(cold.state) == (try canonicalDigest(cold)))

    // A record from another origin that comes before everything folded: the office folds all again.
    let refolds = cold.refolds
    _ = try writeOrigin(
      root: dir.path + "/journal", scratch: dir.path + "-late",
      dates: [Date(timeIntervalSince1970: 1_700_000_000)],
      keyring: keyring,
      make: { _ in
        EventCodec.encode(
          EventBatch(
            staff: "Rui", office: "praia",
            events: [.visitorRegistered(Visitor(id: "V-LATE-1", fullName: "Late"))]))
      })
    try FileManager.default.removeItem(atPath: dir.path + "-late")
    #expect(try cold.refresh())
    #expect(cold.refolds == refolds + 1)
    #expect(cold.state.visitors["V-LATE-1"] != nil)
    #expect(cold.state.visitors["V-FORGED-1"]?.fullName == "Latest")
    #expect(digest(cold.state) == (try canonicalDigest(cold)))
  }

  /// The fold of every record the office has read, sorted in canonical order here.
  func canonicalDigest(_ office: Office) throws -> [UInt8] {
    var entries: [JournalEntry] = []
    try office.journal.replay { entries.append($0) }
    var canonical = OfficeState()
    canonical.office = "praia"
    for entry in entries.sorted(by: { $0.key < $1.key }) {
      canonical.apply(try EventCodec.decode(entry.payload), time: entry.content.wall)
    }
    return digest(canonical)
  }
}
