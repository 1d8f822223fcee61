import Crypto
import Foundation
import GAIDesk
import Testing

extension JournalTorture {
  /// The wall clock jumps an hour back, a year forward, and back again, while two devices (origins) append
  /// to one journal and the journal is reopened between jumps: clock values stay strictly increasing in the
  /// order records were appended, within each origin's log and across origins.
  @Test func clockJumpsKeepTheOrder() throws {
    let scratch = Scratch("clock")
    defer { scratch.remove() }
    let root = scratch.path + "/journal"
    let sealer = Keyring(masterKey: SymmetricKey(size: .bits256))
    let origins = [OriginID.random(), OriginID.random()]
    let base = Date()
    let hour: TimeInterval = 3600
    let year: TimeInterval = 365 * 86400
    // (wall clock offset, records, which device); the devices alternate, as two desks sharing a folder would.
    let script: [(TimeInterval, Int, Int)] = [
      (0, 3, 0), (1, 2, 1), (-hour, 4, 0), (-hour + 0.5, 3, 1), (year, 2, 0), (-hour, 3, 1), (0, 2, 0),
      (-2 * hour, 1, 1), (year + 10, 1, 0), (0, 5, 1), (-year, 2, 0),
    ]
    var appended: [HybridTime] = []
    var journals = try origins.map { try Journal(root: root, origin: $0, keyring: sealer) }
    for (step, (offset, count, device)) in script.enumerated() {
      if step % 3 == 2 {
        // A restart: fresh readers learn the clock from the journal alone.
        journals = try origins.map { try Journal(root: root, origin: $0, keyring: sealer) }
      }
      try journals[device].append(count: count, now: { base.addingTimeInterval(offset) }, deliver: { _ in }) {
        stamp in
        appended.append(stamp.time)
        return Array("step \(step)".utf8)
      }
    }
    #expect(
      zip(appended, appended.dropFirst()).allSatisfy { $0 < $1 }, "append order: \(appended.map(\.rawValue))")
    let read = try JournalRead(root: root, origin: origins[0], keyring: sealer, repair: false)
    #expect(read.damage.isEmpty)
    #expect(read.times.count == appended.count)
    #expect(Set(read.times) == Set(appended))
    // Each origin's log, in log order, is strictly increasing.
    for origin in origins {
      let own = try ownTimes(root: root, origin: origin, keyring: sealer)
      #expect(!own.isEmpty && zip(own, own.dropFirst()).allSatisfy { $0 < $1 })
    }
    // After the year-forward jump, clock values stay a year ahead: the wall clock cannot pull them back.
    let last = try #require(appended.last)
    #expect(last.date.timeIntervalSince(base) > year - 86400)
  }

  /// A clock far ahead of every wall clock (a year forward, then corrected) is never followed by an
  /// earlier value, even after 70,000 appends at one frozen instant (the logical counter carries over).
  @Test func frozenClockCounterOverflow() throws {
    let scratch = Scratch("counter")
    defer { scratch.remove() }
    let root = scratch.path + "/journal"
    let sealer = Keyring(masterKey: SymmetricKey(size: .bits256))
    let journal = try Journal(root: root, origin: .random(), keyring: sealer)
    let frozen = Date(timeIntervalSince1970: 1_700_000_000)
    var times: [HybridTime] = []
    try journal.append(count: 70_000, now: { frozen }, deliver: { _ in }) { stamp in
      times.append(stamp.time)
      return [0]
    }
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
    #expect(times.last!.milliseconds == UInt64(1_700_000_000_000) + 1)
  }
}

/// Clock values of one origin's records, in log order, straight from the segments.
func ownTimes(root: String, origin: OriginID, keyring: Keyring) throws -> [HybridTime] {
  var times: [HybridTime] = []
  for file in TestOffice.segments(journal: root, origin: origin) {
    let bytes = try FileIO.read(file)
    let (records, _) = SegmentScanner(
      bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
    ).scan()
    times += records.compactMap { keyring.open($0)?.clock }
  }
  return times
}
