/// A seal of the first `length` bytes of one segment file (``SealHasher``), kept by the snapshot cache for the
/// bytes it covered: the whole file of a closed segment, the records read so far of the segment still being
/// written.
struct SegmentSeal: Equatable, Sendable {
  /// The origin whose log holds the segment.
  let origin: OriginID
  /// The segment's index.
  let segment: Int
  /// How many bytes from the start of the file the hash covers.
  let length: Int
  /// The seal of those bytes.
  let hash: [UInt8]
}

/// The journal bytes a snapshot cache covered, with the hash it kept of each segment: a warm opening does not
/// read them, so they are hashed again (in the background is fine) to find damage behind the cache.
public struct CoveredSegments: Sendable {
  /// The journal folder.
  let journalRoot: String
  /// One seal per covered segment.
  let seals: [SegmentSeal]

  /// Whether there is nothing to check (a cold opening read every record itself).
  public var isEmpty: Bool { seals.isEmpty }
  /// How many bytes a check reads.
  public var bytes: Int { seals.reduce(0) { $0 + $1.length } }

  /// Hashes every covered segment again: damage wherever one changed, shrank or vanished since the cache
  /// covered it (`gaidesk verify` then names the record).
  public func check() -> [JournalDamage] {
    seals.compactMap { seal in problem(seal, hash: try? hash(seal.origin, seal.segment, limit: seal.length)) }
  }

  /// The seals a new cache keeps for the positions `cursors` reached: a seal of the same length reused as it
  /// is, a shorter one (the segment was still being written) checked before it is extended, the others
  /// taken from `read` (the seals the reading computed of the bytes it read, the same length) or else from
  /// the files now (this opening read those bytes itself). Damage found on the way is returned instead of
  /// being sealed.
  func resealed(for cursors: [OriginCursor], read: [SegmentSeal] = []) -> (
    seals: [SegmentSeal], damage: [JournalDamage]
  ) {
    var known: [OriginID: [Int: SegmentSeal]] = [:]
    for seal in seals { known[seal.origin, default: [:]][seal.segment] = seal }
    var reading: [OriginID: [Int: SegmentSeal]] = [:]
    for seal in read { reading[seal.origin, default: [:]][seal.segment] = seal }
    var result: [SegmentSeal] = []
    var damage: [JournalDamage] = []
    for cursor in cursors {
      var lengths: [(segment: Int, length: Int?)] = (1..<max(1, cursor.segment)).map { ($0, nil) }
      if cursor.offset > 0 { lengths.append((cursor.segment, cursor.offset)) }
      for (segment, wanted) in lengths {
        let file = path(cursor.origin, segment)
        guard let length = wanted ?? FileIO.size(file) else { continue }
        let old = known[cursor.origin]?[segment]
        if let old, old.length == length {
          result.append(old)
          continue
        }
        if old == nil, let seal = reading[cursor.origin]?[segment], seal.length == length {
          result.append(seal)
          continue
        }
        guard let bytes = try? FileIO.read(file, limit: length), bytes.count == length else {
          damage.append(
            JournalDamage(segment: display(cursor.origin, segment), offset: 0, reason: "unreadable"))
          continue
        }
        if let old, old.length < length,
          let found = problem(old, hash: Self.seal(of: bytes, length: old.length))
        {
          damage.append(found)
          continue
        }
        guard let hash = SealHasher.seal(of: bytes, length: length) else {
          damage.append(
            JournalDamage(
              segment: display(cursor.origin, segment), offset: 0,
              reason: "records not whole where the cache ends"))
          continue
        }
        result.append(SegmentSeal(origin: cursor.origin, segment: segment, length: length, hash: hash))
      }
    }
    return (result, damage)
  }

  /// What is wrong with `seal`'s bytes, given their hash now (nil: they are gone or shorter).
  private func problem(_ seal: SegmentSeal, hash: [UInt8]?) -> JournalDamage? {
    let place = display(seal.origin, seal.segment)
    guard let hash else {
      return JournalDamage(segment: place, offset: 0, reason: "shorter than the cache covered, or gone")
    }
    guard hash == seal.hash else {
      return JournalDamage(
        segment: place, offset: 0,
        reason: "changed since the cache covered it; gaidesk verify names the record")
    }
    return nil
  }

  /// The seal of the first `limit` bytes of a segment, nil when it has fewer.
  private func hash(_ origin: OriginID, _ segment: Int, limit: Int) throws -> [UInt8]? {
    let bytes = try FileIO.read(path(origin, segment), limit: limit)
    return bytes.count == limit ? Self.seal(of: bytes, length: limit) : nil
  }

  /// The seal of the first `length` bytes of `bytes`; for bytes no longer framed in whole records up to
  /// there, an empty hash, which no seal holds (they changed).
  private static func seal(of bytes: [UInt8], length: Int) -> [UInt8] {
    SealHasher.seal(of: bytes, length: length) ?? []
  }

  private func path(_ origin: OriginID, _ segment: Int) -> String {
    journalRoot + "/" + origin.hex + "/" + SegmentFormat.fileName(index: segment)
  }

  private func display(_ origin: OriginID, _ segment: Int) -> String {
    "journal/" + origin.hex + "/" + SegmentFormat.fileName(index: segment)
  }
}
