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
    let (frames, stop) = scanFrames()
    return (frames.map(record), stop)
  }

  /// The records' frames from `start` (an offset in `bytes`), and what stopped the scan: ``scan()`` without
  /// building a header (two arrays) and a body slice per record.
  func scanFrames(from start: Int = 0) -> (frames: [RecordFrame], stop: ScanStop?) {
    var frames: [RecordFrame] = []
    var position = start
    while position < bytes.count {
      switch locate(at: position) {
      case .success(let frame):
        frames.append(frame)
        position = frame.end
      case .failure(let problem):
        switch resynchronise(after: position, previous: frames.last) {
        case .found(let next):
          return (frames, .damage(offset: base + position, reason: problem.reason, resumesAt: base + next))
        case .abandoned:
          // Candidates were left unchecked: bytes may still hold records, so this is damage, never a tail.
          let reason = problem.reason + "; no record found after it within the search limit"
          return (frames, .damage(offset: base + position, reason: reason, resumesAt: base + bytes.count))
        case .none:
          return (frames, .incompleteTail(offset: base + position, reason: problem.reason))
        }
      }
    }
    return (frames, nil)
  }

  /// The scanned record of a frame found in these bytes.
  func record(_ frame: RecordFrame) -> ScannedRecord {
    ScannedRecord(
      header: header(frame), offset: base + frame.position, body: bytes[frame.bodyStart..<frame.end])
  }

  /// The clear header of a frame found in these bytes (its origin is this scanner's, which it matched).
  func header(_ frame: RecordFrame) -> RecordHeader {
    let previousHash = Array(bytes[frame.previousHashStart..<frame.previousHashStart + 32])
    guard frame.version == 1 else {
      return RecordHeader(
        origin: origin, sequence: frame.sequence, epoch: UInt32(truncatingIfNeeded: frame.epochOrClock),
        previousHash: previousHash)
    }
    var header = RecordHeader(origin: origin, sequence: frame.sequence, epoch: 0, previousHash: previousHash)
    header.legacyClock = HybridTime(rawValue: frame.epochOrClock)
    return header
  }

  /// Why bytes at an offset are not a valid record.
  struct FrameProblem: Error {
    let reason: String
  }

  /// The record framed at `position` (relative to `bytes`), or why there is none.
  func frame(at position: Int) -> Result<ScannedRecord, FrameProblem> {
    locate(at: position).map(record)
  }

  /// The frame at `position` (relative to `bytes`), its length, checksum, version and origin checked and its
  /// header's numbers read in place, or why there is none.
  func locate(at position: Int) -> Result<RecordFrame, FrameProblem> {
    let available = bytes.count - position
    guard available >= SegmentFormat.frameHeaderSize else {
      return .failure(FrameProblem(reason: "truncated frame"))
    }
    return bytes.withUnsafeBytes { raw -> Result<RecordFrame, FrameProblem> in
      let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
      let checksum = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self))
      if length == 0 && checksum == 0 && raw[position...].allSatisfy({ $0 == 0 }) {
        return .failure(FrameProblem(reason: "zero-filled tail"))
      }
      guard (SegmentFormat.minBodySize...SegmentFormat.maxBodySize).contains(length) else {
        return .failure(FrameProblem(reason: "impossible record length \(length)"))
      }
      guard available - 8 >= length else { return .failure(FrameProblem(reason: "truncated record")) }
      let bodyStart = position + 8
      let originMatches = origin.withUnsafeBytes {
        memcmp(raw.baseAddress! + bodyStart + 1, $0.baseAddress!, 16) == 0
      }
      guard raw[bodyStart] == recordVersion, originMatches, RecordHeader.size(ofVersion: recordVersion) != nil
      else { return .failure(FrameProblem(reason: "record header unreadable")) }
      let body = UnsafeRawBufferPointer(rebasing: raw[bodyStart..<bodyStart + length])
      guard CRC32C.checksum(buffer: body) == checksum else {
        return .failure(FrameProblem(reason: "checksum mismatch"))
      }
      // The minimum body holds the longest header: both layouts' fields lie within it.
      let sequence = UInt64(littleEndian: body.loadUnaligned(fromByteOffset: 17, as: UInt64.self))
      let epochOrClock =
        recordVersion == 1
        ? UInt64(littleEndian: body.loadUnaligned(fromByteOffset: 25, as: UInt64.self))
        : UInt64(UInt32(littleEndian: body.loadUnaligned(fromByteOffset: 25, as: UInt32.self)))
      return .success(
        RecordFrame(
          position: position, length: length, version: recordVersion, sequence: sequence,
          epochOrClock: epochOrClock))
    }
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
  func resynchronise(after position: Int, previous: RecordFrame?) -> Resynchronisation {
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
        let most = previous.sequence + 1 + UInt64((candidate - position) / frameMin)
        guard header.sequence > previous.sequence, header.sequence <= most else { continue }
        if header.sequence == previous.sequence + 1 {
          if previousHash == nil {
            previousHash = Array(SHA256.hash(data: bytes[previous.bodyStart..<previous.end]))
          }
          guard header.previousHash == previousHash else { continue }
        }
      }
      guard spent + length <= 2 * (candidate - position) + SegmentFormat.maxBodySize else {
        skipped = true
        continue
      }
      spent += length
      if case .success = locate(at: candidate) { return .found(candidate) }
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
        let matches = origin.withUnsafeBytes {
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

/// A record framed intact in scanned bytes (length, checksum, version and origin checked), its clear header's
/// numbers read in place: what reading a log needs of each record, without arrays.
struct RecordFrame {
  /// Offset of the frame in the scanned bytes.
  let position: Int
  /// Length of the body (header and sealed content).
  let length: Int
  /// The record layout version (1 or 2).
  let version: UInt8
  /// The header's sequence.
  let sequence: UInt64
  /// The header's key epoch (format 2) or the clock format 1 kept in clear.
  let epochOrClock: UInt64

  /// Offset of the body in the scanned bytes.
  var bodyStart: Int { position + SegmentFormat.frameHeaderSize }
  /// Offset just past the frame in the scanned bytes.
  var end: Int { bodyStart + length }
  /// The clear header's size.
  var headerSize: Int { version == 1 ? RecordHeader.legacySize : RecordHeader.size }
  /// Offset of the header's previous hash (its last 32 bytes) in the scanned bytes.
  var previousHashStart: Int { bodyStart + headerSize - 32 }
}
