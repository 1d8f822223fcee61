/// The clear part of a record, authenticated (not encrypted) with its sealed content.
///
/// Format 2 keeps in clear only what a reader needs before decrypting: where the record belongs (origin,
/// sequence), its place in the origin's chain and which key epoch sealed it. The clock and the wall time are
/// sealed inside (see `RecordContent`). Format 1 headers, read only to migrate an office, carried the clock.
public struct RecordHeader: Equatable, Sendable {
  /// The record layout this program writes.
  public static let version: UInt8 = 2
  /// Encoded size of a format-2 header: version, origin, sequence, key epoch, previous hash.
  public static let size = 1 + 16 + 8 + 4 + 32
  /// Encoded size of a format-1 header: version, origin, sequence, clock, previous hash.
  static let legacySize = 1 + 16 + 8 + 8 + 32

  /// The device log the record belongs to.
  public var origin: OriginID
  /// Position in the origin's log, from 1, without gaps.
  public var sequence: UInt64
  /// The key epoch whose key sealed the content (format 2).
  public var epoch: UInt32
  /// SHA-256 of the previous record's body in this origin (zeros for the first), held inline.
  public var chain: ChainHash
  /// The clock kept in clear by format 1 (nil in format 2, which seals it).
  public var legacyClock: HybridTime?

  /// Creates a format-2 header.
  public init(origin: OriginID, sequence: UInt64, epoch: UInt32, previousHash: [UInt8]) {
    self.init(origin: origin, sequence: sequence, epoch: epoch, chain: ChainHash(previousHash))
  }

  /// Creates a format-2 header whose previous record's hash is `chain`.
  public init(origin: OriginID, sequence: UInt64, epoch: UInt32, chain: ChainHash) {
    self.origin = origin
    self.sequence = sequence
    self.epoch = epoch
    self.chain = chain
  }

  /// SHA-256 of the previous record's body, as bytes (``chain`` as an array).
  public var previousHash: [UInt8] {
    get { chain.bytes }
    set { chain = ChainHash(newValue) }
  }

  /// The layout version of this header.
  public var layoutVersion: UInt8 { legacyClock == nil ? RecordHeader.version : 1 }
  /// Its encoded size.
  public var encodedSize: Int { legacyClock == nil ? RecordHeader.size : RecordHeader.legacySize }

  /// The encoded bytes (the authenticated data of the sealed content).
  public var bytes: [UInt8] {
    var writer = ByteWriter(capacity: encodedSize)
    writer.write(layoutVersion)
    writer.write(raw: origin.bytes)
    writer.write(sequence)
    if let legacyClock { writer.write(legacyClock.rawValue) } else { writer.write(epoch) }
    chain.withUnsafeBytes { writer.write(raw: $0) }
    return writer.bytes
  }

  /// The header size of a record layout version, nil for versions this program does not read.
  static func size(ofVersion version: UInt8) -> Int? {
    switch version {
    case 1: legacySize
    case RecordHeader.version: size
    default: nil
    }
  }

  /// Decodes a header from the start of a record body.
  public init(decoding bytes: [UInt8], at offset: Int) throws {
    guard offset < bytes.count, let size = RecordHeader.size(ofVersion: bytes[offset]) else {
      throw ByteReader.Malformed(reason: "unknown record version")
    }
    var reader = ByteReader(bytes, range: offset..<min(bytes.count, offset + size))
    let version = try reader.readUInt8()
    guard let origin = OriginID(bytes: Array(try reader.readRaw(16))) else {
      throw ByteReader.Malformed(reason: "origin")
    }
    self.origin = origin
    sequence = try reader.readUInt64()
    if version == 1 {
      legacyClock = HybridTime(rawValue: try reader.readUInt64())
      epoch = 0
    } else {
      epoch = try reader.readUInt32()
    }
    chain = ChainHash(try reader.readRaw(32))
  }
}

/// A SHA-256 digest held inline (32 bytes in the value, no allocation): the hash that chains a record to
/// the one before it in its origin.
public struct ChainHash: Equatable, Sendable {
  private var words: (UInt64, UInt64, UInt64, UInt64)

  /// All zeros: the previous hash of an origin's first record.
  public static let zero = ChainHash(words: (0, 0, 0, 0))

  private init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

  /// The first 32 bytes of `bytes` (zeros past the end of a shorter collection).
  public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    words = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &words) { out in
      for (index, byte) in zip(out.indices, bytes) { out[index] = byte }
    }
  }

  /// The 32 bytes at `source`.
  init(loading source: UnsafeRawPointer) {
    words = (
      source.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
      source.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
      source.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
      source.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
    )
  }

  /// A hash written by `fill` into its 32 bytes; nil when `fill` answers false.
  init?(filling fill: (UnsafeMutableRawPointer) -> Bool) {
    words = (0, 0, 0, 0)
    guard withUnsafeMutableBytes(of: &words, { fill($0.baseAddress!) }) else { return nil }
  }

  /// The 32 bytes, as an array.
  public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

  /// Calls `body` with the 32 bytes.
  public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    try Swift.withUnsafeBytes(of: words, body)
  }

  /// Whether the 32 bytes at `other` are this hash's.
  func matches(_ other: UnsafeRawPointer) -> Bool { self == ChainHash(loading: other) }

  public static func == (left: ChainHash, right: ChainHash) -> Bool {
    left.words.0 == right.words.0 && left.words.1 == right.words.1 && left.words.2 == right.words.2
      && left.words.3 == right.words.3
  }
}
