import Crypto

/// The snapshot cache: the folded state and the journal positions it covers, sealed with the office key.
/// Derived data: deleting `cache/` loses nothing, the next opening rebuilds it from the journal.
enum StateSnapshot {
  static let magic: [UInt8] = Array("GAIDSNAP".utf8)
  static let version: UInt16 = 4

  static func save(_ state: OfficeState, journal: Journal, paths: OfficePaths, masterKey: SymmetricKey) throws
  {
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
    StateCodec.encode(state, into: &w)
    var header = ByteWriter(capacity: 10)
    header.write(raw: magic)
    header.write(version)
    let sealed = try Sealer(masterKey: masterKey, purpose: "cache").seal(
      w.bytes, authenticating: header.bytes)
    try FileIO.makeDirectory(paths.cache)
    try FileIO.writeAtomically(header.bytes + sealed, to: paths.snapshot)
  }

  /// The cached state, with `journal` positioned after it; nil when there is no usable cache.
  static func load(paths: OfficePaths, masterKey: SymmetricKey, journal: Journal) -> OfficeState? {
    guard let bytes = try? FileIO.read(paths.snapshot), bytes.count > 10, Array(bytes[0..<8]) == magic,
      bytes[8] == UInt8(version), bytes[9] == 0,
      let plain = Sealer(masterKey: masterKey, purpose: "cache").open(
        bytes[10...], authenticating: Array(bytes[0..<10]))
    else { return nil }
    do {
      var r = ByteReader(plain)
      var cursors: [OriginCursor] = []
      for _ in 0..<(try r.readLength()) {
        let origin = OriginID(bytes: Array(try r.readRaw(16)))!
        let cursor = OriginCursor(
          origin: origin, segment: Int(try r.readVarint()), offset: Int(try r.readVarint()),
          lastSequence: try r.readUInt64(), lastHash: Array(try r.readRaw(32)),
          lastRecordSegment: Int(try r.readVarint()), lastRecordOffset: Int(try r.readVarint()))
        guard cursor.matches(journalRoot: journal.root) else { return nil }
        cursors.append(cursor)
      }
      let latest = HybridTime(rawValue: try r.readUInt64())
      let state = try StateCodec.decode(&r)
      guard r.isAtEnd else { return nil }
      journal.resume(from: cursors, latestTime: latest)
      return state
    } catch {
      return nil
    }
  }
}
