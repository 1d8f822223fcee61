import Foundation

/// What appending another origin's records to this office's copy of its log did.
public struct ForeignAppend: Equatable, Sendable {
  /// Records appended.
  public var added = 0
  /// Records this office already held, identical.
  public var alreadyHad = 0
  /// When the records start after a gap: the last sequence this office holds of the origin.
  public var gapAfter: UInt64?
  /// When this office holds a different record at a sequence the records cover (or chain to): that sequence.
  public var forkAt: UInt64?
}

extension Journal {
  /// The framed records of `origin` from sequence `first` through `last` (fewer when the log holds fewer),
  /// read from the segment files with framing, CRC, sequence and chain checked, not decrypted.
  public func frames(of origin: OriginID, from first: UInt64, through last: UInt64) throws -> [ScannedRecord]
  {
    let folder = root + "/" + origin.hex + "/"
    var result: [ScannedRecord] = []
    var expected: UInt64 = 1
    var previous = [UInt8](repeating: 0, count: 32)
    var index = 1
    while expected <= last, FileIO.size(folder + SegmentFormat.fileName(index: index)) != nil {
      let name = "journal/" + origin.hex + "/" + SegmentFormat.fileName(index: index)
      let bytes = try FileIO.read(folder + SegmentFormat.fileName(index: index))
      guard bytes.count >= SegmentFormat.headerSize else { break }
      let scan = SegmentScanner(
        bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
      ).scan()
      for record in scan.records where expected <= last {
        guard record.header.sequence == expected, record.header.previousHash == previous else {
          throw GAIDeskError("error.journal.readonly", name + " @" + String(record.offset))
        }
        if expected >= first { result.append(record) }
        previous = record.hash
        expected += 1
      }
      if case .damage(let offset, let reason, _) = scan.stop {
        throw GAIDeskError("error.journal.readonly", "\(name) @\(offset): \(reason)")
      }
      index += 1
    }
    return result
  }

  /// Appends records of another origin, verified and chained (first to last, as a bundle carries them),
  /// byte for byte to this office's copy of that origin's log, under that log's lock. Records already held
  /// identically count as had; a gap or a different record at a held sequence appends nothing. Never
  /// appends to the origin this journal writes as, never rewrites a record.
  public func appendForeign(_ records: [ScannedRecord]) throws -> ForeignAppend {
    guard let first = records.first?.header, let last = records.last?.header else { return ForeignAppend() }
    let id = first.origin
    guard id != origin else { throw GAIDeskError("error.bundle.ownOrigin", id.hex) }
    let folder = root + "/" + id.hex
    var result = ForeignAppend()
    if FileIO.size(folder) == nil && first.sequence > 1 {
      result.gapAfter = 0
      return result
    }
    try FileIO.makeDirectory(folder)
    return try FileLock(path: folder + "/lock").withExclusive {
      let log = makeLog(id)
      try log.readNew(keyring: keyring) { _ in }
      if let damage = log.damage { throw GAIDeskError("error.journal.readonly", damage.description) }
      _ = try log.repairTail()
      let held = log.lastSequence
      guard first.sequence <= held + 1 else {
        result.gapAfter = held
        return result
      }
      let overlapEnd = min(held, last.sequence)
      if first.sequence <= overlapEnd {
        let local = try frames(of: id, from: first.sequence, through: overlapEnd)
        for (mine, theirs) in zip(local, records) {
          guard mine.body == theirs.body else {
            result.forkAt = mine.header.sequence
            return result
          }
          result.alreadyHad += 1
        }
      }
      let fresh = records.drop { $0.header.sequence <= held }
      guard let next = fresh.first else { return result }
      guard next.header.previousHash == log.lastHash else {
        result.forkAt = held
        return result
      }
      var chunk: [ScannedRecord] = []
      var size = 0
      func flush() throws {
        guard let end = chunk.last?.header.sequence else { return }
        try log.append(bodies: chunk.map { Array($0.body) }, hashes: chunk.map(\.hash), lastSequence: end)
        result.added += chunk.count
        chunk = []
        size = 0
      }
      for record in fresh {
        chunk.append(record)
        size += record.body.count
        if size >= 1 << 20 { try flush() }
      }
      try flush()
      return result
    }
  }
}
