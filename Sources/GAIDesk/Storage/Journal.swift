import Foundation

/// Where the next record goes and when: handed to the code that builds a record under the append lock.
public struct RecordStamp: Sendable {
  /// The writing origin.
  public let origin: OriginID
  /// The record's sequence number.
  public let sequence: UInt64
  /// The record's clock value.
  public let time: HybridTime
}

/// The office journal: every origin's append-only log under `journal/`, read together, appended to by one.
public final class Journal {
  /// The folder holding one sub-folder per origin.
  public let root: String
  /// The origin this process writes as.
  public let origin: OriginID
  private let sealer: Sealer
  private let lock: FileLock
  private var logs: [OriginID: OriginLog] = [:]
  private var clock = HybridClock()
  /// Torn tails repaired while this journal was open.
  public private(set) var repairs: [JournalDamage] = []

  /// Opens the journal in `root`, writing as `origin` with records sealed by `sealer`.
  public init(root: String, origin: OriginID, sealer: Sealer) throws {
    self.root = root
    self.origin = origin
    self.sealer = sealer
    try FileIO.makeDirectory(root + "/" + origin.hex)
    lock = try FileLock(path: root + "/" + origin.hex + "/lock")
  }

  /// Damage that stops reading, in any origin. While there is any, the journal is read-only.
  public var damage: [JournalDamage] { logs.values.compactMap(\.damage).sorted { $0.segment < $1.segment } }
  /// Whether appending is refused because of damage.
  public var isReadOnly: Bool { !damage.isEmpty }
  /// The highest sequence read per origin (a version vector).
  public var versionVector: [OriginID: UInt64] { logs.mapValues(\.lastSequence) }
  /// The latest clock value seen.
  public var latestTime: HybridTime { clock.latest }

  /// Reads every record appended since the last call, from every origin, delivering each in log order.
  public func refresh(_ deliver: (JournalEntry) throws -> Void) throws {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    for name in names.sorted() {
      guard let id = OriginID(hex: name) else { continue }
      let log =
        logs[id] ?? OriginLog(origin: id, directory: root + "/" + name, displayDirectory: "journal/" + name)
      logs[id] = log
      try log.readNew(sealer: sealer) { entry in
        clock.observe(entry.header.clock)
        try deliver(entry)
      }
    }
  }

  /// Under the exclusive lock: reads everything, then copies aside and truncates a torn tail of this origin
  /// (only the lock holder may, since a reader cannot tell a torn tail from an append in progress).
  public func repairOwnTail(deliver: (JournalEntry) throws -> Void) throws {
    try lock.withExclusive {
      try refresh(deliver)
      if let repaired = try logs[origin]?.repairTail() { repairs.append(repaired) }
    }
  }

  /// Positions reached in every origin, for the snapshot cache.
  var cursors: [OriginCursor] { logs.values.map(\.cursor).sorted { $0.origin < $1.origin } }

  /// Continues reading from `cursors` instead of from the start (the snapshot covers what lies before).
  func resume(from cursors: [OriginCursor], latestTime: HybridTime) {
    clock.observe(latestTime)
    for cursor in cursors {
      let log = OriginLog(
        origin: cursor.origin, directory: root + "/" + cursor.origin.hex,
        displayDirectory: "journal/" + cursor.origin.hex)
      log.resume(from: cursor)
      logs[cursor.origin] = log
    }
  }

  /// Under the exclusive lock: reads others' appends, repairs a torn tail of this origin, then appends
  /// `count` records built by `make` (called once per record, in order) and syncs them to disk.
  /// Returns only once the records are durable.
  public func append(
    count: Int = 1, now: @escaping () -> Date = Date.init, deliver: (JournalEntry) throws -> Void,
    make: (RecordStamp) throws -> [UInt8]
  ) throws {
    try lock.withExclusive {
      try refresh(deliver)
      let own =
        logs[origin]
        ?? OriginLog(
          origin: origin, directory: root + "/" + origin.hex, displayDirectory: "journal/" + origin.hex)
      logs[origin] = own
      if let repaired = try own.repairTail() { repairs.append(repaired) }
      if let first = damage.first { throw GAIDeskError(.journalReadonly, first.description) }
      var bodies: [[UInt8]] = []
      var hashes: [[UInt8]] = []
      var previous = own.lastHash
      var sequence = own.lastSequence
      let savedClock = clock
      for _ in 0..<count {
        sequence += 1
        let header = RecordHeader(
          origin: origin, sequence: sequence, clock: clock.tick(now: now()), previousHash: previous)
        let payload = try make(RecordStamp(origin: origin, sequence: sequence, time: header.clock))
        let aad = header.bytes
        let body = aad + (try sealer.seal(payload, authenticating: aad))
        guard body.count <= SegmentFormat.maxBodySize else {
          throw GAIDeskError(.journalRecordTooLarge)
        }
        let record = ScannedRecord(header: header, offset: 0, body: body[...])
        previous = record.hash
        bodies.append(body)
        hashes.append(previous)
      }
      do {
        try own.append(bodies: bodies, hashes: hashes, lastSequence: sequence)
      } catch {
        clock = savedClock
        throw error
      }
    }
  }
}
