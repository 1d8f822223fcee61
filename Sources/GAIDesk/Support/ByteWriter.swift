/// Appends little-endian integers, varints and length-prefixed strings to a byte buffer.
public struct ByteWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8]

  /// Creates an empty writer with room for `capacity` bytes.
  public init(capacity: Int = 64) {
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  /// Forgets what was written, keeping the buffer's capacity for what comes next.
  public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  /// Writes one byte.
  public mutating func write(_ value: UInt8) { bytes.append(value) }

  /// Writes a 16-bit little-endian integer.
  public mutating func write(_ value: UInt16) {
    bytes.append(UInt8(truncatingIfNeeded: value))
    bytes.append(UInt8(truncatingIfNeeded: value >> 8))
  }

  /// Writes a 32-bit little-endian integer.
  public mutating func write(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
  }

  /// Writes a 64-bit little-endian integer.
  public mutating func write(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
  }

  /// Writes raw bytes without a length.
  public mutating func write<C: Collection>(raw: C) where C.Element == UInt8 { bytes.append(contentsOf: raw) }

  /// Writes an unsigned LEB128 varint.
  public mutating func writeVarint(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  /// Writes a signed integer as a zig-zag varint.
  public mutating func writeInt(_ value: Int) {
    writeVarint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
  }

  /// Writes a boolean as one byte.
  public mutating func writeBool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  /// Writes a varint length followed by the string's UTF-8 bytes.
  public mutating func writeString(_ value: String) {
    var copy = value
    copy.withUTF8 { utf8 in
      writeVarint(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  /// Writes an optional string: a presence byte, then the string.
  public mutating func writeOptional(_ value: String?) {
    writeBool(value != nil)
    if let value { writeString(value) }
  }

  /// Writes an optional integer: a presence byte, then the integer.
  public mutating func writeOptional(_ value: Int?) {
    writeBool(value != nil)
    if let value { writeInt(value) }
  }

  /// Writes a count followed by each string.
  public mutating func writeStrings(_ values: [String]) {
    writeVarint(UInt64(values.count))
    for value in values { writeString(value) }
  }

  /// Writes a varint length followed by the bytes.
  public mutating func writeBytes<C: Collection>(_ value: C) where C.Element == UInt8 {
    writeVarint(UInt64(value.count))
    bytes.append(contentsOf: value)
  }
}
