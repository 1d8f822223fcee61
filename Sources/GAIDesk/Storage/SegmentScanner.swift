import Crypto

#if canImport(Glibc)
  import Glibc
#endif

/// A record found intact (framing and checksum) in a segment.
public struct ScannedRecord: Sendable {
  /// The clear header.
  public let header: RecordHeader
  /// Offset of the frame in the segment file.
  public let offset: Int
  /// The whole body (header and sealed payload).
  public let body: ArraySlice<UInt8>
  /// Offset just past the frame.
  public var end: Int { offset + SegmentFormat.frameHeaderSize + body.count }
  /// The sealed content (nonce, ciphertext, tag).
  public var sealed: ArraySlice<UInt8> { body.dropFirst(header.encodedSize) }
  /// The clear header's bytes: the sealed content's authenticated data.
  public var authenticatedData: [UInt8] { Array(body.prefix(header.encodedSize)) }
  /// SHA-256 of the body: the next record's `previousHash`.
  public var hash: [UInt8] { Array(SHA256.hash(data: body)) }
}

/// What stopped a scan before the end of a segment.
public enum ScanStop: Equatable, Sendable {
  /// Bytes at the end form no complete valid record and no valid record follows: a torn tail (or an
  /// append still in progress).
  case incompleteTail(offset: Int, reason: String)
  /// Invalid bytes followed by a valid record at `resumesAt`: damage, never truncated.
  case damage(offset: Int, reason: String, resumesAt: Int)
}

/// Reads framed records out of segment bytes, telling a torn tail from damage in the middle.
public struct SegmentScanner {
  /// The segment's bytes (whole file, or a suffix starting at `base`).
  public let bytes: [UInt8]
  /// File offset of `bytes[0]`.
  public let base: Int
  /// The origin every record must carry.
  public let origin: OriginID
  /// The record layout version every record must have (1 only when migrating a format-1 office).
  public let recordVersion: UInt8

  /// Scans `bytes`, which start at file offset `base`, for records of `origin` in layout `recordVersion`.
  public init(bytes: [UInt8], base: Int, origin: OriginID, recordVersion: UInt8 = RecordHeader.version) {
    self.bytes = bytes
    self.base = base
    self.origin = origin
    self.recordVersion = recordVersion
  }

  /// Valid records from the start, and what stopped the scan (nil when it reached the end cleanly).
  public func scan() -> (records: [ScannedRecord], stop: ScanStop?) {
    var records: [ScannedRecord] = []
    var position = 0
    while position < bytes.count {
      switch frame(at: position) {
      case .success(let record):
        records.append(record)
        position = record.end - base
      case .failure(let problem):
        switch resynchronise(after: position, previous: records.last) {
        case .found(let next):
          return (records, .damage(offset: base + position, reason: problem.reason, resumesAt: base + next))
        case .abandoned:
          // Candidates were left unchecked: bytes may still hold records, so this is damage, never a tail.
          let reason = problem.reason + "; no record found after it within the search limit"
          return (records, .damage(offset: base + position, reason: reason, resumesAt: base + bytes.count))
        case .none:
          return (records, .incompleteTail(offset: base + position, reason: problem.reason))
        }
      }
    }
    return (records, nil)
  }

  /// Why bytes at an offset are not a valid record.
  struct FrameProblem: Error {
    let reason: String
  }

  /// The record framed at `position` (relative to `bytes`), or why there is none.
  func frame(at position: Int) -> Result<ScannedRecord, FrameProblem> {
    let available = bytes.count - position
    guard available >= SegmentFormat.frameHeaderSize else {
      return .failure(FrameProblem(reason: "truncated frame"))
    }
    var reader = ByteReader(bytes, range: position..<position + 8)
    let length = Int(try! reader.readUInt32())
    let checksum = try! reader.readUInt32()
    if length == 0 && checksum == 0 && bytes[position...].allSatisfy({ $0 == 0 }) {
      return .failure(FrameProblem(reason: "zero-filled tail"))
    }
    guard (SegmentFormat.minBodySize...SegmentFormat.maxBodySize).contains(length) else {
      return .failure(FrameProblem(reason: "impossible record length \(length)"))
    }
    guard available - 8 >= length else { return .failure(FrameProblem(reason: "truncated record")) }
    let bodyStart = position + 8
    guard bytes[bodyStart] == recordVersion,
      bytes[(bodyStart + 1)..<(bodyStart + 17)].elementsEqual(origin.bytes)
    else { return .failure(FrameProblem(reason: "record header unreadable")) }
    let body = bytes[bodyStart..<bodyStart + length]
    guard CRC32C.checksum(body) == checksum else {
      return .failure(FrameProblem(reason: "checksum mismatch"))
    }
    guard let header = try? RecordHeader(decoding: bytes, at: bodyStart) else {
      return .failure(FrameProblem(reason: "record header unreadable"))
    }
    return .success(ScannedRecord(header: header, offset: base + position, body: body))
  }

  /// What a search for the next record after damage found.
  enum Resynchronisation: Equatable {
    /// A valid record starts at this offset (relative to `bytes`).
    case found(Int)
    /// Some candidates were too costly to check (the checksum budget ran out).
    case abandoned
    /// No valid record follows.
    case none
  }

  /// The first offset after `position` where a valid record starts. Candidates are filtered cheaply first
  /// (record version, origin, length within bounds and within the bytes, a sequence after `previous` that the
  /// bytes in between can hold, the chain when it follows `previous` directly); the checksums computed stay
  /// within twice the distance searched plus one largest record, so a crafted segment of fake headers
  /// costs linear time, not one checksum of up to 1 MiB per byte.
  func resynchronise(after position: Int, previous: ScannedRecord?) -> Resynchronisation {
    let frameMin = SegmentFormat.frameHeaderSize + SegmentFormat.minBodySize
    var spent = 0
    var skipped = false
    var previousHash: [UInt8]?
    var next = position + 1
    while let candidate = nextHeaderMatch(from: next) {
      next = candidate + 1
      let bodyStart = candidate + SegmentFormat.frameHeaderSize
      let length = Int(littleEndianUInt32(at: candidate))
      guard (SegmentFormat.minBodySize...SegmentFormat.maxBodySize).contains(length),
        length <= bytes.count - bodyStart,
        let header = try? RecordHeader(decoding: bytes, at: bodyStart)
      else { continue }
      if let previous {
        // Every record between `previous` and this one lies in the bytes in between.
        let most = previous.header.sequence + 1 + UInt64((candidate - position) / frameMin)
        guard header.sequence > previous.header.sequence, header.sequence <= most else { continue }
        if header.sequence == previous.header.sequence + 1 {
          if previousHash == nil { previousHash = previous.hash }
          guard header.previousHash == previousHash else { continue }
        }
      }
      guard spent + length <= 2 * (candidate - position) + SegmentFormat.maxBodySize else {
        skipped = true
        continue
      }
      spent += length
      if case .success = frame(at: candidate) { return .found(candidate) }
    }
    return skipped ? .abandoned : .none
  }

  /// The first offset from `start` whose body would begin with the record version and this origin (memchr
  /// and memcmp, so that a long damaged range is searched at memory speed).
  private func nextHeaderMatch(from start: Int) -> Int? {
    let last = bytes.count - (SegmentFormat.frameHeaderSize + SegmentFormat.minBodySize)
    guard start <= last else { return nil }
    return bytes.withUnsafeBytes { raw -> Int? in
      let base = raw.baseAddress!
      var at = start
      while at <= last {
        let from = base + at + SegmentFormat.frameHeaderSize
        guard let hit = memchr(from, Int32(recordVersion), last - at + 1) else { return nil }
        at = base.distance(to: UnsafeRawPointer(hit)) - SegmentFormat.frameHeaderSize
        let matches = origin.bytes.withUnsafeBytes {
          memcmp(UnsafeRawPointer(hit) + 1, $0.baseAddress!, 16) == 0
        }
        if matches { return at }
        at += 1
      }
      return nil
    }
  }

  private func littleEndianUInt32(at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }
}
