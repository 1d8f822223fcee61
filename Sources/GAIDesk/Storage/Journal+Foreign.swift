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

/// One origin's framed records read from its segment files one segment at a time (segments are capped at a
/// few MiB, so memory stays bounded however long the log), framing, CRC, sequence and chain checked.
final class SegmentFrames {
  private let folder: String
  private let origin: OriginID
  private let first: UInt64
  private let last: UInt64
  private var index = 1
  private var expected: UInt64 = 1
  private var previous = [UInt8](repeating: 0, count: 32)

  /// Frames of `origin` in the journal folder `root`, from sequence `first` through `last`.
  init(root: String, origin: OriginID, from first: UInt64, through last: UInt64) {
    folder = root + "/" + origin.hex + "/"
    self.origin = origin
    self.first = first
    self.last = last
  }

  /// The next segment's records in the range, their frames' bytes back to back (exactly as in the file,
  /// indexed by file offset) and the segment file; nil when the range or the log is over.
  func next() throws -> (records: [ScannedRecord], bytes: ArraySlice<UInt8>, file: String)? {
    while expected <= last, FileIO.size(folder + SegmentFormat.fileName(index: index)) != nil {
      let name = "journal/" + origin.hex + "/" + SegmentFormat.fileName(index: index)
      let file = folder + SegmentFormat.fileName(index: index)
      let bytes = try FileIO.read(file)
      index += 1
      guard bytes.count >= SegmentFormat.headerSize else { return nil }
      let scan = SegmentScanner(
        bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
      ).scan()
      var records: [ScannedRecord] = []
      for record in scan.records where expected <= last {
        guard record.header.sequence == expected, record.header.previousHash == previous else {
          throw GAIDeskError(.journalReadonly, name + " @" + String(record.offset))
        }
        if expected >= first { records.append(record) }
        previous = record.hash
        expected += 1
      }
      if case .damage(let offset, let reason, _) = scan.stop, expected <= last {
        throw GAIDeskError(.journalReadonly, "\(name) @\(offset): \(reason)")
      }
      guard let start = records.first, let end = records.last else { continue }
      return (records, bytes[start.offset..<end.end], file)
    }
    return nil
  }
}

/// Record after record of a ``SegmentFrames``.
final class FrameCursor {
  private let frames: SegmentFrames
  private var chunk: [ScannedRecord] = []
  private var position = 0

  init(_ frames: SegmentFrames) { self.frames = frames }

  /// The next record, nil at the end.
  func next() throws -> ScannedRecord? {
    while position == chunk.count {
      guard let more = try frames.next() else { return nil }
      chunk = more.records
      position = 0
    }
    defer { position += 1 }
    return chunk[position]
  }
}

extension Journal {
  /// Appends records of another origin, verified and chained (first to last, as a bundle carries them),
  /// byte for byte to this office's copy of that origin's log, under that log's lock. Records already held
  /// identically count as had; a gap or a different record at a held sequence appends nothing. Never
  /// appends to the origin this journal writes as, never rewrites a record.
  public func appendForeign(_ records: [ScannedRecord]) throws -> ForeignAppend {
    guard let first = records.first?.header else { return ForeignAppend() }
    return try appendForeign(origin: first.origin, first: first.sequence) { sink in _ = try sink(records) }
  }

  /// Appends the records of `id` from sequence `first` that `feed` hands to its sink chunk after chunk
  /// (chained, in order; the sink answers false once no more are wanted), so a log of any length is
  /// appended without holding it in memory. Same rules as ``appendForeign(_:)``.
  public func appendForeign(
    origin id: OriginID, first: UInt64, feed: (_ sink: ([ScannedRecord]) throws -> Bool) throws -> Void
  ) throws -> ForeignAppend {
    guard id != origin else { throw GAIDeskError(.bundleOwnOrigin, id.hex) }
    let folder = root + "/" + id.hex
    var result = ForeignAppend()
    if FileIO.size(folder) == nil && first > 1 {
      result.gapAfter = 0
      return result
    }
    try FileIO.makeDirectory(folder)
    return try FileLock(path: folder + "/lock").withExclusive {
      let log = makeLog(id)
      try log.readNew(keyring: keyring) { _ in }
      if let damage = log.damage { throw GAIDeskError(.journalReadonly, damage.description) }
      _ = try log.repairTail()
      let held = log.lastSequence
      guard first <= held + 1 else {
        result.gapAfter = held
        return result
      }
      let local = FrameCursor(SegmentFrames(root: root, origin: id, from: first, through: held))
      var pending: [ScannedRecord] = []
      var size = 0
      func flush() throws {
        guard let end = pending.last?.header.sequence else { return }
        try log.append(
          records: pending.map { SegmentFormat.frame(body: Array($0.body)) }, hashes: pending.map(\.hash),
          lastSequence: end)
        result.added += pending.count
        pending = []
        size = 0
      }
      var chained = false
      try feed { records in
        for record in records {
          if record.header.sequence <= held {
            guard let mine = try local.next(), mine.body == record.body else {
              result.forkAt = record.header.sequence
              return false
            }
            result.alreadyHad += 1
            continue
          }
          if !chained {
            guard record.header.previousHash == log.lastHash else {
              result.forkAt = held
              return false
            }
            chained = true
          }
          pending.append(record)
          size += record.body.count
          if size >= 1 << 20 { try flush() }
        }
        return true
      }
      try flush()
      return result
    }
  }
}
