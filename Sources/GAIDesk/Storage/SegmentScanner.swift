import Crypto

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
        if let next = nextValidFrame(after: position) {
          return (records, .damage(offset: base + position, reason: problem.reason, resumesAt: base + next))
        }
        return (records, .incompleteTail(offset: base + position, reason: problem.reason))
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

  /// The first offset after `position` where a valid record starts, if any.
  func nextValidFrame(after position: Int) -> Int? {
    let first = origin.bytes[0]
    var candidate = position + 1
    while candidate + SegmentFormat.frameHeaderSize + SegmentFormat.minBodySize <= bytes.count {
      // Cheap filter: the body must start with the record version and this origin's first byte.
      if bytes[candidate + 8] == recordVersion, bytes[candidate + 9] == first,
        case .success = frame(at: candidate)
      {
        return candidate
      }
      candidate += 1
    }
    return nil
  }
}
