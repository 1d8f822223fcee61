/// Reads what `ByteWriter` wrote, refusing truncated or oversized input instead of trapping.
public struct ByteReader {
  /// The error thrown when the input is malformed.
  public struct Malformed: Error, Equatable {
    /// What was wrong, for diagnostics.
    public let reason: String
  }

  private let bytes: ArraySlice<UInt8>
  /// The offset of the next byte to read (an index of the bytes given).
  public private(set) var offset: Int
  private let end: Int

  /// Reads `bytes[range]` (a range reaching beyond the bytes reads as truncated there).
  public init(_ bytes: [UInt8], range: Range<Int>? = nil) {
    self.init(bytes[...], range: range)
  }

  /// Reads `bytes[range]`, offsets being the slice's indices (a range reaching beyond the slice reads as
  /// truncated there).
  public init(_ bytes: ArraySlice<UInt8>, range: Range<Int>? = nil) {
    self.bytes = bytes
    self.end = max(bytes.startIndex, min(range?.upperBound ?? bytes.endIndex, bytes.endIndex))
    self.offset = max(bytes.startIndex, min(range?.lowerBound ?? bytes.startIndex, end))
  }

  /// Whether every byte has been read.
  public var isAtEnd: Bool { offset >= end }
  /// The number of bytes left.
  public var remaining: Int { end - offset }
  /// Whether every byte left is zero (padding).
  public var restIsZero: Bool {
    bytes.withUnsafeBufferPointer {
      UnsafeBufferPointer(rebasing: $0[offset - bytes.startIndex..<end - bytes.startIndex]).allSatisfy {
        $0 == 0
      }
    }
  }

  private mutating func need(_ count: Int) throws {
    guard count >= 0, count <= end - offset else { throw Malformed(reason: "truncated") }
  }

  /// Reads one byte.
  public mutating func readUInt8() throws -> UInt8 {
    try need(1)
    defer { offset += 1 }
    return bytes[offset]
  }

  /// Reads a 16-bit little-endian integer.
  public mutating func readUInt16() throws -> UInt16 {
    try need(2)
    defer { offset += 2 }
    return UInt16(
      littleEndian: bytes.withUnsafeBytes {
        $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: UInt16.self)
      })
  }

  /// Reads a 32-bit little-endian integer.
  public mutating func readUInt32() throws -> UInt32 {
    try need(4)
    defer { offset += 4 }
    return UInt32(
      littleEndian: bytes.withUnsafeBytes {
        $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: UInt32.self)
      })
  }

  /// Reads a 64-bit little-endian integer.
  public mutating func readUInt64() throws -> UInt64 {
    try need(8)
    defer { offset += 8 }
    return UInt64(
      littleEndian: bytes.withUnsafeBytes {
        $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: UInt64.self)
      })
  }

  /// Reads `count` raw bytes.
  public mutating func readRaw(_ count: Int) throws -> ArraySlice<UInt8> {
    try need(count)
    defer { offset += count }
    return bytes[offset..<offset + count]
  }

  /// Reads an unsigned LEB128 varint of at most ten bytes.
  public mutating func readVarint() throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try readUInt8()
      guard shift < 64 else { throw Malformed(reason: "varint too long") }
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
  }

  /// Reads a zig-zag varint.
  public mutating func readInt() throws -> Int {
    let raw = try readVarint()
    return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
  }

  /// Reads a boolean byte (0 or 1).
  public mutating func readBool() throws -> Bool {
    switch try readUInt8() {
    case 0: return false
    case 1: return true
    default: throw Malformed(reason: "bad boolean")
    }
  }

  /// Reads an unsigned varint that must fit an `Int` (a count or an offset); a larger one is malformed.
  public mutating func readCount() throws -> Int {
    guard let value = Int(exactly: try readVarint()) else { throw Malformed(reason: "number too large") }
    return value
  }

  /// Reads a length, checked against what is left.
  public mutating func readLength() throws -> Int {
    let count = try readVarint()
    guard count <= UInt64(remaining) else { throw Malformed(reason: "length beyond end") }
    return Int(count)
  }

  /// Reads a length-prefixed UTF-8 string; invalid UTF-8 is refused.
  public mutating func readString() throws -> String {
    let count = try readLength()
    let start = offset
    offset += count
    // ASCII is valid as it is. Otherwise decoding repairs invalid UTF-8 (with U+FFFD), so the bytes come back
    // unchanged exactly when they were valid: the same answer as `String(validating:)`, without its generic
    // (unspecialised) path.
    let valid = bytes.withUnsafeBufferPointer { buffer -> String? in
      let first = start - bytes.startIndex
      let slice = UnsafeBufferPointer(rebasing: buffer[first..<first + count])
      if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
      var string = String(decoding: slice, as: UTF8.self)
      let unchanged = string.withUTF8 { $0.count == count && $0.elementsEqual(slice) }
      return unchanged ? string : nil
    }
    guard let string = valid else { throw Malformed(reason: "bad UTF-8") }
    return string
  }

  /// Reads an optional string.
  public mutating func readOptionalString() throws -> String? {
    try readBool() ? try readString() : nil
  }

  /// Reads an optional integer.
  public mutating func readOptionalInt() throws -> Int? {
    try readBool() ? try readInt() : nil
  }

  /// Reads a count of strings, then each string.
  public mutating func readStrings() throws -> [String] {
    let count = try readLength()
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try readString()) }
    return values
  }

  /// Reads length-prefixed bytes.
  public mutating func readBytes() throws -> [UInt8] {
    Array(try readRaw(try readLength()))
  }
}
