/// The clear part of a record, authenticated (not encrypted) with its payload.
public struct RecordHeader: Equatable, Sendable {
  /// The version of the record layout.
  public static let version: UInt8 = 1
  /// Encoded size in bytes: version, origin, sequence, clock, previous hash.
  public static let size = 1 + 16 + 8 + 8 + 32

  /// The device log the record belongs to.
  public var origin: OriginID
  /// Position in the origin's log, from 1, without gaps.
  public var sequence: UInt64
  /// Hybrid logical clock value when written.
  public var clock: HybridTime
  /// SHA-256 of the previous record's body in this origin (zeros for the first).
  public var previousHash: [UInt8]

  /// Creates a header.
  public init(origin: OriginID, sequence: UInt64, clock: HybridTime, previousHash: [UInt8]) {
    self.origin = origin
    self.sequence = sequence
    self.clock = clock
    self.previousHash = previousHash
  }

  /// The encoded bytes.
  public var bytes: [UInt8] {
    var writer = ByteWriter(capacity: RecordHeader.size)
    writer.write(RecordHeader.version)
    writer.write(raw: origin.bytes)
    writer.write(sequence)
    writer.write(clock.rawValue)
    writer.write(raw: previousHash)
    return writer.bytes
  }

  /// Decodes a header from the start of a record body.
  public init(decoding bytes: [UInt8], at offset: Int) throws {
    var reader = ByteReader(bytes, range: offset..<min(bytes.count, offset + RecordHeader.size))
    guard try reader.readUInt8() == RecordHeader.version else {
      throw ByteReader.Malformed(reason: "unknown record version")
    }
    origin = OriginID(bytes: Array(try reader.readRaw(16)))!
    sequence = try reader.readUInt64()
    clock = HybridTime(rawValue: try reader.readUInt64())
    previousHash = Array(try reader.readRaw(32))
  }
}
