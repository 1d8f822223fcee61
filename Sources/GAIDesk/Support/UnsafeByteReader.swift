/// Reads little-endian integers, varints and raw bytes from memory borrowed for the reader's lifetime (inside
/// a `withUnsafeBytes` call): ``ByteReader``'s reading without holding or indexing an array, for the records
/// opened in bulk. Malformed input throws ``ByteReader/Malformed`` exactly where `ByteReader` would.
struct UnsafeByteReader {
  private let bytes: UnsafeRawBufferPointer
  /// The offset of the next byte to read.
  private(set) var offset = 0

  /// Reads `bytes`, which must stay valid while the reader is used.
  init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  /// The number of bytes left.
  var remaining: Int { bytes.count - offset }

  /// Whether every byte left is zero (padding), eight at a time.
  var restIsZero: Bool { bytes.orOfBytes(from: offset) == 0 }

  private func need(_ count: Int) throws {
    guard count >= 0, count <= bytes.count - offset else { throw ByteReader.Malformed(reason: "truncated") }
  }

  /// Reads one byte.
  mutating func readUInt8() throws -> UInt8 {
    try need(1)
    defer { offset += 1 }
    return bytes[offset]
  }

  /// Reads a 64-bit little-endian integer.
  mutating func readUInt64() throws -> UInt64 {
    try need(8)
    defer { offset += 8 }
    return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// Reads `count` raw bytes (valid as long as the memory read is).
  mutating func readRaw(_ count: Int) throws -> UnsafeRawBufferPointer {
    try need(count)
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
  }

  /// Reads `count` bytes into an array of their own (one allocation and one copy; the array's own
  /// uninitialised-capacity initialiser is not specialised here and costs more than the copy).
  mutating func readArray(_ count: Int) throws -> [UInt8] {
    Array(try readRaw(count).assumingMemoryBound(to: UInt8.self))
  }

  /// Reads an unsigned LEB128 varint of at most ten bytes.
  mutating func readVarint() throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try readUInt8()
      guard shift < 64 else { throw ByteReader.Malformed(reason: "varint too long") }
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
  }

  /// Reads a length, checked against what is left.
  mutating func readLength() throws -> Int {
    let count = try readVarint()
    guard count <= UInt64(remaining) else { throw ByteReader.Malformed(reason: "length beyond end") }
    return Int(count)
  }
}
