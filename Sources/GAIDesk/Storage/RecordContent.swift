/// The sealed part of a format-2 record: when it was written (clock and wall time), what its device had
/// seen of other origins (now and then), and the payload, padded to a size class.
public struct RecordContent: Equatable, Sendable {
  /// Plaintext sizes are rounded up to a multiple of this, so sizes do not tell what a record holds.
  public static let sizeClass = 256

  /// The hybrid logical clock: orders records, dates nothing.
  public var clock: HybridTime
  /// The wall time at which the record was written: dates records.
  public var wall: WallTime
  /// The last sequence the writing device had read of each other origin, when the writer included it
  /// (empty otherwise).
  public var seen: [OriginID: UInt64]
  /// The payload (an encoded `EventBatch`).
  public var payload: [UInt8]

  /// Creates record content.
  public init(clock: HybridTime, wall: WallTime, seen: [OriginID: UInt64] = [:], payload: [UInt8]) {
    self.clock = clock
    self.wall = wall
    self.seen = seen
    self.payload = payload
  }

  /// The plaintext: clock u64, wall ms u64, seen count varint then (origin 16, sequence varint) sorted by
  /// origin, payload length varint, payload, zero padding up to the size class.
  public var bytes: [UInt8] {
    var w = ByteWriter(capacity: payload.count + 64)
    w.write(clock.rawValue)
    w.write(wall.milliseconds)
    w.writeVarint(UInt64(seen.count))
    for origin in seen.keys.sorted() {
      w.write(raw: origin.bytes)
      w.writeVarint(seen[origin]!)
    }
    w.writeBytes(payload)
    let padded =
      (w.bytes.count + RecordContent.sizeClass - 1) / RecordContent.sizeClass * RecordContent.sizeClass
    w.write(raw: [UInt8](repeating: 0, count: padded - w.bytes.count))
    return w.bytes
  }

  /// Decodes a plaintext; the padding must be zeros.
  public init(decoding bytes: [UInt8]) throws {
    self = try bytes.withUnsafeBytes { try RecordContent(decoding: $0) }
  }

  /// Decodes a plaintext held in memory borrowed for the call (the bulk opener's reused buffer).
  init(decoding plain: UnsafeRawBufferPointer) throws {
    var r = UnsafeByteReader(plain)
    clock = HybridTime(rawValue: try r.readUInt64())
    wall = WallTime(milliseconds: try r.readUInt64())
    var seen: [OriginID: UInt64] = [:]
    for _ in 0..<(try r.readLength()) {
      guard let origin = OriginID(bytes: try r.readArray(16)) else {
        throw ByteReader.Malformed(reason: "origin")
      }
      seen[origin] = try r.readVarint()
    }
    self.seen = seen
    payload = try r.readArray(try r.readLength())
    guard r.restIsZero else { throw ByteReader.Malformed(reason: "padding") }
  }
}
