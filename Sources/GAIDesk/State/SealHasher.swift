import Crypto

/// How a segment's seal is hashed: SHA-256 over the segment header, then over each record's frame header
/// (length and checksum) and the SHA-256 of its body, which is the chain hash reading computes anyway. Every
/// byte counts, and the records' bytes are hashed once while reading instead of twice.
struct SealHasher {
  /// The bytes the seal hashes for one record: its frame header and its body's hash.
  static let bytesPerRecord = SegmentFormat.frameHeaderSize + 32

  private var hasher = SHA256()

  /// A seal of `header`, a segment's first bytes (its header, or less of a truncated file).
  init(header: UnsafeRawBufferPointer) {
    hasher.update(bufferPointer: header)
  }

  /// Adds records, ``bytesPerRecord`` bytes each (``append(_:chain:in:to:)``).
  mutating func add(records parts: UnsafeRawBufferPointer) {
    hasher.update(bufferPointer: parts)
  }

  /// The seal's bytes.
  func finalize() -> [UInt8] { Array(hasher.finalize()) }

  /// Appends what the seal hashes of the record framed by `frame` in `bytes`: its frame header, then
  /// `chain`, its body's SHA-256.
  static func append(
    _ frame: RecordFrame, chain: ChainHash, in bytes: UnsafeRawBufferPointer, to parts: inout [UInt8]
  ) {
    parts.append(
      contentsOf: UnsafeRawBufferPointer(
        rebasing: bytes[frame.position..<frame.position + SegmentFormat.frameHeaderSize]))
    chain.withUnsafeBytes { parts.append(contentsOf: $0) }
  }

  /// The seal of the first `length` bytes of `bytes` (a segment file from its start); nil when they are not a
  /// header followed by whole frames. Frames are walked by their lengths alone: a changed checksum or body
  /// changes the seal, so a check needs no more than this.
  static func seal(of bytes: [UInt8], length: Int) -> [UInt8]? {
    guard length <= bytes.count else { return nil }
    return bytes.withUnsafeBytes { raw -> [UInt8]? in
      let headerEnd = min(length, SegmentFormat.headerSize)
      var seal = SealHasher(header: UnsafeRawBufferPointer(rebasing: raw[0..<headerEnd]))
      var position = headerEnd
      let digest = SHA256Context()
      while position < length {
        guard length - position >= SegmentFormat.frameHeaderSize else { return nil }
        let size = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
        let bodyStart = position + SegmentFormat.frameHeaderSize
        guard (SegmentFormat.minBodySize...SegmentFormat.maxBodySize).contains(size),
          length - bodyStart >= size
        else { return nil }
        seal.add(records: UnsafeRawBufferPointer(rebasing: raw[position..<bodyStart]))
        let body = UnsafeRawBufferPointer(rebasing: raw[bodyStart..<bodyStart + size])
        let chain = digest?.chain(body) ?? ChainHash(Array(SHA256.hash(data: body)))
        chain.withUnsafeBytes { seal.add(records: $0) }
        position = bodyStart + size
      }
      return seal.finalize()
    }
  }
}
