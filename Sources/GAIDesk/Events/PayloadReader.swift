/// Reads a record's payload where it lies, as `ByteReader` does but answering with byte ranges instead of
/// values: the fold interns an id or a text from its bytes without building a `String`. It accepts and
/// refuses exactly what `ByteReader` does (truncation, lengths beyond the end, varints of more than ten
/// bytes, booleans other than 0 and 1, invalid UTF-8).
struct PayloadReader {
  /// The input is malformed (the general decoder throws for the same input).
  struct Malformed: Error {}

  /// The whole payload.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The offset of the next byte to read.
  private(set) var offset: Int
  /// Where this reader stops (the end of the payload or of one event's body).
  let end: Int
  /// Whether the bytes were read whole before by a reader that checked them (`OfficeState`'s fold reads a
  /// record twice): their strings are known to be valid UTF-8 and are not checked again.
  let isChecked: Bool

  /// Reads `bytes[range]`; `checked` when a reader read them whole before and refused nothing.
  init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, checked: Bool = false) {
    self.bytes = bytes
    self.offset = range.lowerBound
    self.end = range.upperBound
    self.isChecked = checked
  }

  /// A reader of `range` of the same bytes, checked as this one is.
  func reader(of range: Range<Int>) -> PayloadReader {
    PayloadReader(bytes, range: range, checked: isChecked)
  }

  /// Whether every byte has been read.
  var isAtEnd: Bool { offset >= end }

  /// Reads one byte.
  mutating func byte() throws(Malformed) -> UInt8 {
    guard offset < end else { throw Malformed() }
    defer { offset += 1 }
    return bytes[offset]
  }

  /// Reads a 16-bit little-endian integer.
  mutating func uint16() throws(Malformed) -> UInt16 {
    guard end - offset >= 2 else { throw Malformed() }
    defer { offset += 2 }
    return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
  }

  /// Reads an unsigned LEB128 varint of at most ten bytes.
  mutating func varint() throws(Malformed) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try byte()
      guard shift < 64 else { throw Malformed() }
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
  }

  /// Reads a zig-zag varint.
  mutating func int() throws(Malformed) -> Int {
    let raw = try varint()
    return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
  }

  /// Reads a boolean byte (0 or 1).
  mutating func bool() throws(Malformed) -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw Malformed()
    }
  }

  /// Reads a length, checked against what is left.
  mutating func length() throws(Malformed) -> Int {
    let count = try varint()
    guard count <= UInt64(end - offset) else { throw Malformed() }
    return Int(count)
  }

  /// Skips `count` bytes; the range skipped.
  mutating func skip(_ count: Int) throws(Malformed) -> Range<Int> {
    guard count >= 0, count <= end - offset else { throw Malformed() }
    defer { offset += count }
    return offset..<offset + count
  }

  /// Reads a length-prefixed UTF-8 string: its bytes' range. Invalid UTF-8 is refused (unless already checked).
  mutating func string() throws(Malformed) -> Range<Int> {
    let range = try skip(try length())
    guard isChecked || Self.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[range])) else {
      throw Malformed()
    }
    return range
  }

  /// Reads an optional string: nil, or its bytes' range.
  mutating func optionalString() throws(Malformed) -> Range<Int>? {
    try bool() ? try string() : nil
  }

  /// The bytes of `range`.
  subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }

  /// Whether `bytes` are valid UTF-8: the answer `ByteReader.readString` gives (decoding repairs invalid
  /// UTF-8, so the bytes come back unchanged exactly when they were valid).
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // Ids and most texts are ASCII.
    if UnsafeRawBufferPointer(bytes).orOfBytes() & 0x8080_8080_8080_8080 == 0 { return true }
    var string = String(decoding: bytes, as: UTF8.self)
    return string.withUTF8 { $0.count == bytes.count && $0.elementsEqual(bytes) }
  }
}
