import Foundation

/// Where the next record goes and when: handed to the code that builds a record under the append lock.
public struct RecordStamp: Sendable {
  /// The writing origin.
  public let origin: OriginID
  /// The record's sequence number.
  public let sequence: UInt64
  /// The record's hybrid clock value (orders it).
  public let time: HybridTime
  /// The wall time at which it is written (dates it).
  public let wall: WallTime
}

/// What another origin's record says its device had seen of an origin.
public struct SeenClaim: Equatable, Sendable {
  /// The highest sequence seen.
  public var sequence: UInt64
  /// The origin whose record claims it.
  public var by: OriginID
}

/// The office journal: every origin's append-only log under `journal/`, read together, appended to by one.
public final class Journal {
  /// The folder holding one sub-folder per origin.
  public let root: String
  /// The origin this process writes as.
  public let origin: OriginID
  /// The record keys; the office adds epochs as it learns them (records of an epoch not held wait).
  public internal(set) var keyring: Keyring
  /// The append lock; nil while the medium refuses to create it (read-only, no permission, full).
  private var lock: FileLock?
  private var logs: [OriginID: OriginLog] = [:] {
    didSet { logsInOrder = nil }
  }
  /// The logs in origin order, as every refresh reads them (nil: to sort again, an origin was added).
  private var logsInOrder: [OriginLog]?
  /// Tells `refresh` when `root` may hold new origin folders.
  private var rootWatch = FolderWatch()
  /// Seals this origin's records (set up at the first append, again when the keyring changes).
  private var recordSealer: RecordSealer?
  private var clock = HybridClock()
  /// The vector last written into a record by this journal (a record carries it when it changed).
  private var lastWrittenVector: [OriginID: UInt64]?
  /// Torn tails repaired while this journal was open.
  public private(set) var repairs: [JournalDamage] = []
  /// The highest sequence of each origin that some record says its device had seen.
  public private(set) var claims: [OriginID: SeenClaim] = [:]
  /// Origins whose missing records a supervisor accepted as lost, up to the given sequence.
  public var acceptedLoss: [OriginID: UInt64] = [:]
  /// The last sequence per origin that the cache or this device's mark knew, when they knew more than the
  /// logs hold (set by the office when it opens).
  public var expected: [OriginID: UInt64] = [:]
  /// Why this intact journal cannot be written (a read-only medium, no permission, a full disk with a torn
  /// tail to repair); nil when it can. Reading goes on either way.
  public private(set) var medium: ReadOnlyMedium?
  /// Damage found after opening in history the snapshot cache covered (a segment changed since).
  public var coveredDamage: [JournalDamage] = []
  /// Whether reading keeps a SHA-256 of every segment read from its start (``readSeals``), for the snapshot
  /// cache's seals; set before the first refresh.
  var sealsWhileReading = false
  /// How many threads open records at once: a large segment's records on as many, or as many segments
  /// prepared ahead each on one (``BulkOpener``); set before the first refresh.
  var openingThreads = ProcessInfo.processInfo.activeProcessorCount

  /// A refusal every write meets, whatever the folder allows (a format-1 office converted in memory).
  private let refusal: ReadOnlyMedium?

  /// Opens the journal in `root`, writing as `origin` with records sealed by `keyring`; with `refusing`, every
  /// write is refused for that reason and no lock is created.
  public init(root: String, origin: OriginID, keyring: Keyring, refusing: ReadOnlyMedium? = nil) throws {
    self.root = root
    self.origin = origin
    self.keyring = keyring
    self.refusal = refusing
    // A medium that refuses writes is still read: the journal opens read-only (`medium` says why).
    do {
      _ = try writableLock()
    } catch {
      if medium == nil { throw error }
    }
  }

  /// The append lock, created now when the medium refused it before (space may have been freed since);
  /// throws the medium's refusal, having written nothing.
  private func writableLock() throws -> FileLock {
    if let lock { return lock }
    if let refusal {
      medium = refusal
      throw refusal.error
    }
    do {
      try FileIO.makeDirectory(root + "/" + origin.hex)
      let created = try FileLock(path: root + "/" + origin.hex + "/lock")
      lock = created
      return created
    } catch let failure as FileIO.Failure {
      // Named by the data folder: the lock or origin folder it could not create means nothing to a person.
      let folder = (root as NSString).deletingLastPathComponent
      guard let refusal = ReadOnlyMedium(failure, path: folder) else { throw failure }
      medium = refusal
      throw refusal.error
    }
  }

  /// Damage that stops reading or writing: damaged logs, and history another record or the cache says
  /// existed but the logs no longer hold. While there is any, the journal is read-only.
  public var damage: [JournalDamage] {
    logDamage + missingHistory
  }
  /// Damage inside the logs themselves (unreadable, altered, missing segments).
  private var logDamage: [JournalDamage] {
    coveredDamage + logs.values.compactMap(\.damage).sorted { $0.segment < $1.segment }
  }
  /// Other origins' logs that end in an incomplete record: only their own device finishes or repairs them
  /// (probably a copy made while it was writing); what lies before is read.
  public var incompleteTails: [JournalDamage] {
    logs.filter { $0.key != origin }.compactMap(\.value.pendingTailPlace).sorted { $0.segment < $1.segment }
  }
  /// Key epochs of records this account cannot open (yet): reading their origins waits there.
  public var waitingEpochs: Set<UInt32> { Set(logs.values.compactMap(\.waitingEpoch)) }
  /// Whether appending is refused because of damage.
  public var isReadOnly: Bool { !damage.isEmpty }
  /// The highest sequence read per origin (a version vector).
  public var versionVector: [OriginID: UInt64] { logs.mapValues(\.lastSequence) }
  /// The latest clock value seen.
  public var latestTime: HybridTime { clock.latest }
  /// Per origin, the last sequence some record (or the cache) says existed when the log holds less and no
  /// supervisor accepted the loss: a deleted folder or segment, a cut tail.
  public var missingThrough: [OriginID: UInt64] {
    claims.mapValues(\.sequence).merging(expected, uniquingKeysWith: max).filter { id, sequence in
      sequence > (logs[id]?.lastSequence ?? 0) && sequence > acceptedLoss[id, default: 0]
    }
  }

  /// The missing history, named per origin.
  public var missingHistory: [JournalDamage] {
    missingThrough.sorted { $0.key < $1.key }.map { id, through in
      let held = logs[id]?.lastSequence ?? 0
      let witness =
        claims[id].flatMap { $0.sequence == through ? "origin \($0.by.hex.prefix(8)) had read them" : nil }
        ?? "the cache or this device had them"
      return JournalDamage(
        segment: "journal/" + id.hex, offset: 0, reason: "records \(held + 1)…\(through) missing (\(witness))"
      )
    }
  }

  /// Reads every record appended since the last call, from every origin, delivering each once, in canonical
  /// order (``RecordMerge``): the reader folds them as they come, holding one segment's records per origin.
  public func refresh(_ deliver: (JournalEntry) throws -> Void) throws {
    // New origin folders only: the folder is listed again when its stamp says it changed.
    if rootWatch.needsListing(root) {
      // An origin folder may have been replaced: the ones kept open are opened again by name.
      for log in logs.values { log.folderMayHaveMoved() }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
      for name in names {
        guard let id = OriginID(hex: name) else { continue }
        if logs[id] == nil {
          let log = makeLog(id)
          log.sealsWhileReading = sealsWhileReading
          logs[id] = log
        }
      }
    }
    let keyring = keyring
    let ordered = logsInOrder ?? logs.sorted(by: { $0.key < $1.key }).map(\.value)
    logsInOrder = ordered
    let sources = ordered.map { log in { try log.readChunk(keyring: keyring) } }
    try RecordMerge.run(sources) { entry in
      clock.observe(entry.content.clock)
      for (seen, sequence) in entry.content.seen where sequence > claims[seen]?.sequence ?? 0 {
        claims[seen] = SeenClaim(sequence: sequence, by: entry.header.origin)
      }
      try deliver(entry)
    }
  }

  /// Reads every record delivered so far again from the start (not beyond), in canonical order, to fold
  /// them anew.
  func replay(_ deliver: (JournalEntry) throws -> Void) throws {
    let keyring = keyring
    let sources = logs.sorted(by: { $0.key < $1.key }).filter { $0.value.lastSequence > 0 }.map { id, live in
      let log = makeLog(id)
      let limit = live.lastSequence
      return { try log.readChunk(keyring: keyring, through: limit) } as RecordMerge.Source
    }
    try RecordMerge.run(sources, deliver: deliver)
  }

  func makeLog(_ id: OriginID) -> OriginLog {
    let log = OriginLog(origin: id, directory: root + "/" + id.hex, displayDirectory: "journal/" + id.hex)
    // The writing origin's log is read before every append: its folder and segment are kept open.
    log.keepsFilesOpen = id == origin
    log.openingThreads = openingThreads
    return log
  }

  /// Under the exclusive lock: reads everything, then copies aside and truncates a torn tail of this origin
  /// (only the lock holder may, since a reader cannot tell a torn tail from an append in progress).
  /// On a medium that refuses writes nothing is repaired: the torn tail is left as it is (`medium` says why).
  @_spi(Testing) public func repairOwnTail(deliver: (JournalEntry) throws -> Void) throws {
    guard let lock else { return try refresh(deliver) }
    try lock.withExclusive {
      try refresh(deliver)
      do {
        if let repaired = try logs[origin]?.repairTail() { repairs.append(repaired) }
      } catch let failure as FileIO.Failure {
        guard let refusal = ReadOnlyMedium(failure) else { throw failure }
        medium = refusal
      }
    }
  }

  /// How many times `refresh` listed the journal folder (it does when the folder's stamp changed).
  var rootListings: Int { rootWatch.listings }

  /// The device and inode of the journal folder at the last refresh (every append refreshes first); nil when
  /// it could not be read.
  var folderIdentity: (device: UInt64, inode: UInt64)? { rootWatch.identity }

  /// How many times the log of `origin` scanned segment bytes (a pending tail is kept, not scanned again).
  func scans(of origin: OriginID) -> Int { logs[origin]?.scans ?? 0 }

  /// Where this origin's log stands.
  public var ownCursor: OriginCursor? { logs[origin]?.cursor }

  /// Positions reached in every origin, for the snapshot cache.
  var cursors: [OriginCursor] { logs.values.map(\.cursor).sorted { $0.origin < $1.origin } }

  /// The seals of the bytes read from the start of a segment, when ``sealsWhileReading``: every segment read
  /// whole, and in each origin the one being read up to the position.
  var readSeals: [SegmentSeal] { logs.values.flatMap(\.readSeals) }

  /// Continues reading from `cursors` instead of from the start (the snapshot covers what lies before).
  func resume(from cursors: [OriginCursor], latestTime: HybridTime, claims: [OriginID: SeenClaim]) {
    clock.observe(latestTime)
    self.claims = claims
    for cursor in cursors {
      let log = makeLog(cursor.origin)
      log.sealsWhileReading = sealsWhileReading
      log.resume(from: cursor)
      logs[cursor.origin] = log
    }
  }

  /// Under the exclusive lock: reads others' appends, repairs a torn tail of this origin, then appends
  /// `count` records built by `make` (called once per record, in order) and syncs them to disk.
  /// `allowWhenDamaged` lets the one record that accepts a loss through. Returns once the records are
  /// durable, after `written` has been given this origin's new position (still under the lock).
  public func append(
    count: Int = 1, now: @escaping () -> Date = Date.init, allowWhenDamaged: Bool = false,
    deliver: (JournalEntry) throws -> Void, make: (RecordStamp) throws -> [UInt8],
    written: (OriginCursor) -> Void = { _ in }
  ) throws {
    try writableLock().withExclusive {
      try refresh(deliver)
      let own: OriginLog
      if let kept = logs[origin] {
        own = kept
      } else {
        own = makeLog(origin)
        logs[origin] = own
      }
      if let repaired = try own.repairTail() { repairs.append(repaired) }
      if let first = allowWhenDamaged ? logDamage.first : damage.first {
        throw GAIDeskError(.journalReadonly, first.description)
      }
      var records: [[UInt8]] = []
      records.reserveCapacity(count)
      var hashes: [[UInt8]] = []
      hashes.reserveCapacity(count)
      var previous = own.lastHash
      var sequence = own.lastSequence
      let savedClock = clock
      // The sealer seals under the current epoch's key only: it stands while that epoch and key do.
      let current = keyring.current
      let sealer =
        recordSealer.flatMap {
          $0.keyring.current == current && $0.keyring.key(current) == keyring.key(current) ? $0 : nil
        }
        ?? RecordSealer(keyring: keyring)
      recordSealer = sealer
      // What this device has read of the other origins (the records built here add nothing to it).
      var vector: [OriginID: UInt64] = [:]
      for (id, log) in logs where id != origin { vector[id] = log.lastSequence }
      for _ in 0..<count {
        sequence += 1
        let header = RecordHeader(
          origin: origin, sequence: sequence, epoch: keyring.current, previousHash: previous)
        let date = now()
        let stamp = RecordStamp(
          origin: origin, sequence: sequence, time: clock.tick(now: date), wall: WallTime(date))
        let payload = try make(stamp)
        let content = RecordContent(
          clock: stamp.time, wall: stamp.wall, seen: vector == lastWrittenVector ? [:] : vector,
          payload: payload)
        let (record, hash) = try sealer.framedRecord(header: header.bytes, content: content.bytes)
        guard record.count - SegmentFormat.frameHeaderSize <= SegmentFormat.maxBodySize else {
          throw GAIDeskError(.journalRecordTooLarge)
        }
        previous = hash
        records.append(record)
        hashes.append(previous)
        lastWrittenVector = vector
      }
      do {
        try own.append(records: records, hashes: hashes, lastSequence: sequence)
      } catch {
        clock = savedClock
        lastWrittenVector = nil
        throw error
      }
      medium = nil
      written(own.cursor)
    }
  }
}
