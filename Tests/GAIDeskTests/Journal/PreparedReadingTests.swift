import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// Reading a log by prepared chunks (each segment read, framed, opened and checked record against record on
/// other threads, the next one while the reader folds the one before, its seal hashed on the way) stops
/// where reading record by record stops, with the same reason, and seals exactly the bytes it read.
@Suite struct PreparedReadingTests {
  let keyring = Keyring(masterKey: SymmetricKey(size: .bits256))
  let origin = OriginID(bytes: (0..<16).map { UInt8($0 * 5 + 3) })!

  /// A journal of one origin written by hand (`HandWrittenLog`), its clocks in the order of its sequences.
  /// Returns the segments' paths.
  func journal(
    in dir: TemporaryDirectory, counts: [Int], unheld: Set<Int> = [], payloads: UInt64 = 300,
    _ random: inout SeededRandom
  ) throws -> [String] {
    try HandWrittenLog(keyring: keyring).write(
      origin, in: dir, counts: counts, unheld: unheld, payloads: payloads, clocks: .fromSequence, &random)
  }

  /// What a reading gave: the sequences delivered, where it stopped and why, the epoch it waits for.
  struct Outcome: Equatable, CustomStringConvertible {
    var delivered: [UInt64] = []
    var damage: JournalDamage?
    var waiting: UInt32?
    var description: String {
      "\(delivered.count) delivered (last \(delivered.last ?? 0)), damage \(damage?.description ?? "none"), "
        + "waiting \(waiting.map(String.init) ?? "none")"
    }
  }

  /// Reads the journal record by record, as a log read before chunks were prepared: each segment's header,
  /// its records scanned, then for each in turn the epoch held, the sequence, the chain, the content
  /// opened by swift-crypto.
  func readRecordByRecord(_ paths: [String]) -> Outcome {
    var outcome = Outcome()
    var lastSequence: UInt64 = 0
    var lastHash = [UInt8](repeating: 0, count: 32)
    for (index, path) in paths.enumerated() {
      let place = "journal/\(origin.hex)/" + SegmentFormat.fileName(index: index + 1)
      func damage(_ offset: Int, _ reason: String) -> Outcome {
        outcome.damage = JournalDamage(segment: place, offset: offset, reason: reason)
        return outcome
      }
      let bytes = (try? FileIO.read(path)) ?? []
      guard bytes.count >= SegmentFormat.headerSize else { return damage(0, "segment header truncated") }
      do {
        let header = try SegmentFormat.parseHeader(bytes)
        guard header.origin == origin, header.index == index + 1 else {
          return damage(0, "segment header names another origin or index")
        }
      } catch .newerFormat(let version) {
        return damage(0, "written by a newer GAIDesk (segment format \(version))")
      } catch {
        return damage(0, "segment header damaged")
      }
      let (records, stop) = SegmentScanner(
        bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
      ).scan()
      for record in records {
        guard keyring.sealer(record.header.epoch) != nil else {
          outcome.waiting = record.header.epoch
          return outcome
        }
        guard record.header.sequence == lastSequence + 1 else {
          return damage(
            record.offset, "sequence \(record.header.sequence) where \(lastSequence + 1) was expected")
        }
        guard record.header.previousHash == lastHash else {
          return damage(record.offset, "hash chain broken")
        }
        guard keyring.open(record) != nil else {
          return damage(record.offset, "cannot decrypt: altered record or another office's key")
        }
        outcome.delivered.append(record.header.sequence)
        lastSequence = record.header.sequence
        lastHash = record.hash
      }
      switch stop {
      case nil: break
      case .damage(let at, let reason, _): return damage(at, reason)
      case .incompleteTail(let at, let reason):
        return index == paths.count - 1 ? outcome : damage(at, reason + " (followed by a later segment)")
      }
    }
    return outcome
  }

  /// Reads the journal as an opening does, keeping the segments' seals; checks the seals against the files.
  func readPrepared(_ dir: TemporaryDirectory, label: String) throws -> Outcome {
    let reader = try Journal(root: dir.path, origin: OriginID.random(), keyring: keyring)
    reader.sealsWhileReading = true
    var outcome = Outcome()
    try reader.refresh { outcome.delivered.append($0.header.sequence) }
    outcome.damage = reader.damage.first
    outcome.waiting = reader.waitingEpochs.first
    // The seals the reading kept are the files' own, for the lengths the cache would seal.
    let covered = CoveredSegments(journalRoot: dir.path, seals: [])
    let fromFiles = covered.resealed(for: reader.cursors)
    let fromReading = covered.resealed(for: reader.cursors, read: reader.readSeals)
    #expect(fromReading.seals == fromFiles.seals, "\(label)")
    #expect(fromReading.damage == fromFiles.damage, "\(label)")
    for seal in reader.readSeals {
      let bytes = try FileIO.read(
        covered.journalRoot + "/" + origin.hex + "/" + SegmentFormat.fileName(index: seal.segment))
      #expect(seal.hash == Self.seal(of: Array(bytes[..<seal.length]), origin: origin), "\(label)")
    }
    return outcome
  }

  /// The seal of a segment's `bytes` as docs/FORMAT.md defines it, from the records a scan frames: SHA-256
  /// over the segment header, then each record's frame bytes and its body's SHA-256.
  static func seal(of bytes: [UInt8], origin: OriginID) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(data: bytes[..<min(bytes.count, SegmentFormat.headerSize)])
    let (frames, stop) = SegmentScanner(bytes: bytes, base: 0, origin: origin).scanFrames(
      from: SegmentFormat.headerSize)
    #expect(stop == nil)
    for frame in frames {
      hasher.update(data: bytes[frame.position..<frame.bodyStart])
      hasher.update(data: Array(SHA256.hash(data: bytes[frame.bodyStart..<frame.end])))
    }
    return Array(hasher.finalize())
  }

  /// Alters the byte at `position` of the journal (`paths` concatenated); with `fixChecksum`, the frame
  /// holding it gets a checksum that matches again, so the damage reaches the chain and the seal.
  func alter(_ paths: [String], at position: Int, by mask: UInt8, fixChecksum: Bool) throws {
    var position = position
    for path in paths {
      var bytes = try FileIO.read(path)
      guard position < bytes.count else {
        position -= bytes.count
        continue
      }
      let records = SegmentScanner(
        bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
      ).scan().records
      bytes[position] ^= mask
      if fixChecksum, let record = records.first(where: { $0.offset + 8 <= position && position < $0.end }) {
        let checksum = CRC32C.checksum(bytes[record.offset + 8..<record.end])
        for shift in 0..<4 {
          bytes[record.offset + 4 + shift] = UInt8(truncatingIfNeeded: checksum >> (8 * shift))
        }
      }
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      return
    }
  }

  /// Puts the segments' bytes back (without a sync: the test reads them back at once).
  func restore(_ paths: [String], _ pristine: [[UInt8]]) throws {
    for (path, bytes) in zip(paths, pristine) where try FileIO.read(path) != bytes {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
  }

  @Test func intactJournalsReadWholeAndSealed() throws {
    var random = SeededRandom(seed: 1_701)
    for counts in [[1], [0], [300], [300, 0, 2, 280], [3, 700, 1]] {
      let dir = TemporaryDirectory()
      let paths = try journal(in: dir, counts: counts, &random)
      let expected = readRecordByRecord(paths)
      #expect(expected.delivered.count == counts.reduce(0, +) && expected.damage == nil)
      #expect(try readPrepared(dir, label: "\(counts)") == expected, "\(counts)")
      let reader = try Journal(root: dir.path, origin: OriginID.random(), keyring: keyring)
      reader.sealsWhileReading = true
      try reader.refresh { _ in }
      #expect(reader.readSeals.count == counts.count, "every segment sealed: \(counts)")
    }
  }

  /// Every byte of a small journal of three segments altered in turn (the frame's checksum made right again
  /// or not): the same records delivered, the same damage named, or the same epoch waited for.
  @Test func damageAtEveryPositionStopsWhereRecordByRecordStops() throws {
    var random = SeededRandom(seed: 1_702)
    let dir = TemporaryDirectory()
    let paths = try journal(in: dir, counts: [1, 1, 2], payloads: 40, &random)
    let pristine = try paths.map { try FileIO.read($0) }
    let total = pristine.reduce(0) { $0 + $1.count }
    var compared = 0
    for position in 0..<total {
      let fix = position % 2 == 0
      try alter(paths, at: position, by: UInt8(1 + random.next() % 255), fixChecksum: fix)
      let expected = readRecordByRecord(paths)
      let label = "byte \(position), checksum \(fix ? "fixed" : "left")"
      #expect(try readPrepared(dir, label: label) == expected, "\(label): \(expected)")
      if expected.damage != nil { compared += 1 }
      try restore(paths, pristine)
    }
    #expect(compared > total / 2, "most alterations are damage")
  }

  /// Large segments (read on every core, the next prepared while the reader takes the one before), an epoch
  /// not held, and damage at random places and at the segments' edges.
  @Test func damageInLargeSegmentsStopsWhereRecordByRecordStops() throws {
    let checked = try runPropertyCases("GAIDESK_PREPARED_CASES", count: 3, seed: 1_703) { random, label in
      let dir = TemporaryDirectory()
      let counts = [260 + Int(random.next() % 60), Int(random.next() % 3), 256 + Int(random.next() % 40)]
      let unheld: Set<Int> =
        random.next() % 3 == 0 ? [Int(random.next() % UInt64(counts.reduce(0, +))) + 1] : []
      let paths = try journal(in: dir, counts: counts, unheld: unheld, &random)
      let pristine = try paths.map { try FileIO.read($0) }
      let sizes = pristine.map(\.count)
      let total = sizes.reduce(0, +)
      // Each segment's first and last bytes, then random places.
      var positions: [Int] = []
      var start = 0
      for size in sizes {
        positions += [start, start + 39, start + 40, start + 48, start + 120, start + size - 1]
        start += size
      }
      positions += (0..<20).map { _ in Int(random.next() % UInt64(total)) }
      var compared = 0
      for position in positions {
        let fix = random.next() % 2 == 0
        try alter(paths, at: position, by: UInt8(1 + random.next() % 255), fixChecksum: fix)
        let expected = readRecordByRecord(paths)
        let at = "\(label), \(counts), unheld \(unheld), byte \(position), checksum \(fix ? "fixed" : "left")"
        #expect(try readPrepared(dir, label: at) == expected, "\(at): \(expected)")
        compared += 1
        try restore(paths, pristine)
      }
      return compared
    }
    #expect(checked >= 3 * 38)
  }

  /// Reading up to a sequence (a refold's replay) stops at it inside a prepared segment, and goes on from
  /// there.
  @Test func readingStopsAtItsLimitInsideAPreparedSegment() throws {
    var random = SeededRandom(seed: 1_704)
    let dir = TemporaryDirectory()
    _ = try journal(in: dir, counts: [300, 290], &random)
    let log = try Journal(root: dir.path, origin: OriginID.random(), keyring: keyring).makeLog(origin)
    func sequences(_ chunk: [JournalEntry]?) -> [UInt64] { chunk?.map(\.header.sequence) ?? [] }
    #expect(sequences(try log.readChunk(keyring: keyring, through: 150)) == Array(1...150))
    #expect(try log.readChunk(keyring: keyring, through: 150) == nil)
    #expect(sequences(try log.readChunk(keyring: keyring, through: 400)) == Array(151...300))
    #expect(sequences(try log.readChunk(keyring: keyring, through: 400)) == Array(301...400))
    #expect(sequences(try log.readChunk(keyring: keyring)) == Array(401...590))
    #expect(try log.readChunk(keyring: keyring) == nil)
    #expect(log.damage == nil && log.lastSequence == 590)
  }
}
