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
  /// The payload (an encoded `EventBatch`), a view of the bytes it was decrypted into: a bulk reading
  /// decrypts a whole segment's records into one buffer, which every payload read from it shares.
  public var payloadBytes: ArraySlice<UInt8>

  /// Creates record content.
  public init(clock: HybridTime, wall: WallTime, seen: [OriginID: UInt64] = [:], payload: [UInt8]) {
    self.clock = clock
    self.wall = wall
    self.seen = seen
    payloadBytes = payload[...]
  }

  /// The payload copied into an array of its own (``payloadBytes`` without the copy).
  public var payload: [UInt8] {
    get { Array(payloadBytes) }
    set { payloadBytes = newValue[...] }
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
    w.writeBytes(payloadBytes)
    let padded =
      (w.bytes.count + RecordContent.sizeClass - 1) / RecordContent.sizeClass * RecordContent.sizeClass
    w.write(raw: [UInt8](repeating: 0, count: padded - w.bytes.count))
    return w.bytes
  }

  /// Decodes a plaintext; the padding must be zeros.
  public init(decoding bytes: [UInt8]) throws {
    self = try bytes.withUnsafeBytes { try RecordContent(decoding: $0) }
  }

  /// Decodes a plaintext held in memory borrowed for the call, its payload copied out.
  init(decoding plain: UnsafeRawBufferPointer) throws {
    let (content, payload) = try RecordContent.decodeLeavingPayload(plain)
    self = content
    payloadBytes = Array(plain[payload])[...]
  }

  /// Decodes a plaintext except for its payload, left empty: returns where the payload lies in `plain`, for
  /// the caller to take as a view of the buffer `plain` belongs to.
  static func decodeLeavingPayload(_ plain: UnsafeRawBufferPointer) throws -> (RecordContent, Range<Int>) {
    var r = UnsafeByteReader(plain)
    let clock = HybridTime(rawValue: try r.readUInt64())
    let wall = WallTime(milliseconds: try r.readUInt64())
    var seen: [OriginID: UInt64] = [:]
    for _ in 0..<(try r.readLength()) {
      guard let origin = OriginID(bytes: try r.readArray(16)) else {
        throw ByteReader.Malformed(reason: "origin")
      }
      seen[origin] = try r.readVarint()
    }
    let count = try r.readLength()
    let start = r.offset
    _ = try r.readRaw(count)
    guard r.restIsZero else { throw ByteReader.Malformed(reason: "padding") }
    return (RecordContent(clock: clock, wall: wall, seen: seen, payload: []), start..<start + count)
  }
}
