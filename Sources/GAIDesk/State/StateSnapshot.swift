import Crypto
import Foundation

/// The snapshot cache: the folded state and the journal positions it covers, sealed with the office key.
/// Derived data: deleting `cache/` loses nothing, the next opening rebuilds it from the journal. A cache that
/// covered records the journal no longer holds is never silently replaced: it names what is missing. It keeps
/// a hash of every segment it covered (`CoveredSegments`), so damage behind it is found after a warm opening.
/// It is sealed in chunks (`SnapshotChunk`), written and read one chunk at a time (docs/FORMAT.md).
enum StateSnapshot {
  static let magic: [UInt8] = Array("GAIDSNAP".utf8)
  static let version: UInt16 = 17

  /// What loading found.
  enum Outcome {
    /// The cached state, with the journal positioned after it, the greatest record key it folded, and the
    /// hashes of the segments it covered.
    case loaded(OfficeState, RecordKey?, [SegmentSeal])
    /// The cache covered records the journal no longer holds: per origin, the last sequence it covered.
    case coveredMore([OriginID: UInt64])
    /// No cache, or one that does not open or decode (rebuilt from the journal).
    case unusable
  }

  /// Bytes of the file's header: magic, version, and a random id that every chunk authenticates.
  static let headerCount = 8 + 2 + 16

  /// Writes the cache streaming, chunk by chunk (of about `chunkSize` plaintext bytes), to a temporary file
  /// synced and renamed over `file`: the encoded state is never held whole in memory, nor its sealed copy.
  static func save(
    _ state: OfficeState, appliedKey: RecordKey?, journal: JournalPositions, seals: [SegmentSeal],
    file: String, masterKey: SymmetricKey, chunkSize: Int = SnapshotChunk.plainSize
  ) throws {
    var header = ByteWriter(capacity: headerCount)
    header.write(raw: magic)
    header.write(version)
    header.write(raw: (0..<16).map { _ in UInt8.random(in: 0...255) })
    let sealer = Sealer(masterKey: masterKey, purpose: "cache")
    try FileIO.makeDirectory((file as NSString).deletingLastPathComponent)
    try FileIO.writeAtomically(to: file) { fd, temporary in
      let out = try SnapshotChunkWriter(
        fd: fd, path: temporary, header: header.bytes, sealer: sealer, chunkSize: chunkSize)
      var w = ByteWriter(capacity: chunkSize + (1 << 16))
      writePositions(appliedKey: appliedKey, journal: journal, seals: seals, into: &w)
      try out.finish(&w)
      try StateCodec.encodeAllButActivity(state, into: &w) { try out.boundary(&$0) }
      try out.finish(&w)
      try StateCodec.encodeActivity(state, into: &w) { try out.boundary(&$0) }
      try out.finish(&w)
    }
  }

  private static func writePositions(
    appliedKey: RecordKey?, journal: JournalPositions, seals: [SegmentSeal], into w: inout ByteWriter
  ) {
    let cursors = journal.cursors
    w.writeVarint(UInt64(cursors.count))
    for cursor in cursors {
      w.write(raw: cursor.origin.bytes)
      w.writeVarint(UInt64(cursor.segment))
      w.writeVarint(UInt64(cursor.offset))
      w.write(cursor.lastSequence)
      w.write(raw: cursor.lastHash)
      w.writeVarint(UInt64(cursor.lastRecordSegment))
      w.writeVarint(UInt64(cursor.lastRecordOffset))
    }
    w.write(journal.latestTime.rawValue)
    w.writeBool(appliedKey != nil)
    if let appliedKey {
      w.write(appliedKey.clock.rawValue)
      w.write(raw: appliedKey.origin.bytes)
      w.write(appliedKey.sequence)
    }
    let claims = journal.claims
    w.writeVarint(UInt64(claims.count))
    for origin in claims.keys.sorted() {
      w.write(raw: origin.bytes)
      w.write(claims[origin]!.sequence)
      w.write(raw: claims[origin]!.by.bytes)
    }
    w.writeVarint(UInt64(seals.count))
    for seal in seals {
      w.write(raw: seal.origin.bytes)
      w.writeVarint(UInt64(seal.segment))
      w.writeVarint(UInt64(seal.length))
      w.write(raw: seal.hash)
    }
  }

  /// The cached state in `file`, with `journal` positioned after it, or why there is none. The positions are
  /// read first (a cache covering more than the journal holds is named without opening the state); the
  /// state is then opened chunk by chunk into one reused buffer and decoded as it comes, while another
  /// thread does the same with the visits, referrals and follow-ups (`SnapshotActivityReader`); the cache is
  /// used only when both read.
  static func load(file: String, masterKey: SymmetricKey, journal: Journal) -> Outcome {
    guard
      let input = SnapshotChunkReader(
        file: file, headerCount: headerCount,
        expecting: { Array($0[0..<8]) == magic && $0[8] == UInt8(version) && $0[9] == 0 },
        sealer: Sealer(masterKey: masterKey, purpose: "cache"))
    else { return .unusable }
    do {
      var r = try input.start(.positions)
      var cursors: [OriginCursor] = []
      var missing: [OriginID: UInt64] = [:]
      for _ in 0..<(try r.readLength()) {
        let cursor = OriginCursor(
          origin: try readOrigin(&r), segment: try r.readCount(), offset: try r.readCount(),
          lastSequence: try r.readUInt64(), lastHash: Array(try r.readRaw(32)),
          lastRecordSegment: try r.readCount(), lastRecordOffset: try r.readCount())
        if !cursor.matches(journalRoot: journal.root), cursor.heldElsewhere(journalRoot: journal.root) != nil
        {
          missing[cursor.origin] = cursor.lastSequence
        }
        cursors.append(cursor)
      }
      guard missing.isEmpty else { return .coveredMore(missing) }
      guard cursors.allSatisfy({ $0.matches(journalRoot: journal.root) }) else { return .unusable }
      let latest = HybridTime(rawValue: try r.readUInt64())
      let applied =
        try r.readBool()
        ? RecordKey(
          clock: HybridTime(rawValue: try r.readUInt64()), origin: try readOrigin(&r),
          sequence: try r.readUInt64()) : nil
      var claims: [OriginID: SeenClaim] = [:]
      for _ in 0..<(try r.readLength()) {
        let origin = try readOrigin(&r)
        claims[origin] = SeenClaim(sequence: try r.readUInt64(), by: try readOrigin(&r))
      }
      var seals: [SegmentSeal] = []
      for _ in 0..<(try r.readLength()) {
        seals.append(
          SegmentSeal(
            origin: try readOrigin(&r), segment: try r.readCount(), length: try r.readCount(),
            hash: Array(try r.readRaw(32))))
      }
      try input.end(r)
      let activity = SnapshotActivityReader(input)
      // Waited for on every path, so no reading outlives the loading.
      var state: OfficeState
      do {
        r = try input.start(.state)
        state = try StateCodec.decodeAllButActivity(&r, chunks: input)
        try input.end(r)
      } catch {
        _ = try? activity.activity()
        throw error
      }
      try activity.activity().set(in: &state)
      journal.resume(from: cursors, latestTime: latest, claims: claims)
      return .loaded(state, applied, seals)
    } catch {
      return .unusable
    }
  }

  private static func readOrigin(_ r: inout ByteReader) throws -> OriginID {
    guard let origin = OriginID(bytes: Array(try r.readRaw(16))) else {
      throw ByteReader.Malformed(reason: "origin")
    }
    return origin
  }
}
