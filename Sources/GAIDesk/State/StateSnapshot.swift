import Crypto
import Foundation

/// The snapshot cache: the folded state and the journal positions it covers, sealed with the office key.
/// Derived data: deleting `cache/` loses nothing, the next opening rebuilds it from the journal. A cache that
/// covered records the journal no longer holds is never silently replaced: it names what is missing. It keeps
/// a hash of every segment it covered (`CoveredSegments`), so damage behind it is found after a warm opening.
enum StateSnapshot {
  static let magic: [UInt8] = Array("GAIDSNAP".utf8)
  static let version: UInt16 = 11

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

  static func save(
    _ state: OfficeState, appliedKey: RecordKey?, journal: Journal, seals: [SegmentSeal], file: String,
    masterKey: SymmetricKey
  ) throws {
    var w = ByteWriter(capacity: 1 << 16)
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
    StateCodec.encode(state, into: &w)
    var header = ByteWriter(capacity: 10)
    header.write(raw: magic)
    header.write(version)
    let sealed = try Sealer(masterKey: masterKey, purpose: "cache").seal(
      w.bytes, authenticating: header.bytes)
    try FileIO.makeDirectory((file as NSString).deletingLastPathComponent)
    try FileIO.writeAtomically(header.bytes + sealed, to: file)
  }

  /// The cached state in `file`, with `journal` positioned after it, or why there is none.
  static func load(file: String, masterKey: SymmetricKey, journal: Journal) -> Outcome {
    guard let bytes = try? FileIO.read(file), bytes.count > 10, Array(bytes[0..<8]) == magic,
      bytes[8] == UInt8(version), bytes[9] == 0,
      let plain = Sealer(masterKey: masterKey, purpose: "cache").open(
        bytes[10...], authenticating: Array(bytes[0..<10]))
    else { return .unusable }
    do {
      var r = ByteReader(plain)
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
      let state = try StateCodec.decode(&r)
      guard r.isAtEnd else { return .unusable }
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
