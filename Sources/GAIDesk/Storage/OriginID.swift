/// The identity of one device's log: 16 random bytes, never shared by two writers.
public struct OriginID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The 16 bytes as two big-endian words: copied, hashed and compared without a reference or a loop (a
  /// record's header and key carry one, and merging origins compares them).
  private let high: UInt64
  private let low: UInt64

  /// Wraps 16 bytes.
  public init?(bytes: [UInt8]) {
    guard bytes.count == 16 else { return nil }
    (high, low) = bytes.withUnsafeBytes {
      (
        UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
        UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
      )
    }
  }

  /// The 16 bytes.
  public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

  /// Calls `body` with the 16 bytes, without building an array.
  public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    try Swift.withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { try body($0) }
  }

  /// A new random origin.
  public static func random() -> OriginID {
    var generator = SystemRandomNumberGenerator()
    return OriginID(bytes: (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })!
  }

  /// Parses 32 lowercase hexadecimal digits.
  public init?(hex: String) {
    guard hex.utf8.count == 32, hex == hex.lowercased(), let bytes = Hex.decode(hex) else { return nil }
    self.init(bytes: bytes)
  }

  /// 32 lowercase hexadecimal digits (the folder name of the origin's log).
  public var hex: String { Hex.encode(bytes) }

  /// The tag used in entity ids: the first 40 bits as eight Crockford base-32 characters, checked against
  /// the origins already known when an origin is created (a pair of colliding tags among 1,000 origins has a
  /// chance below one in two million).
  public var tag: String {
    let value = high >> 24
    return String(unsafeUninitializedCapacity: 8) { text in
      for index in 0..<8 { text[index] = OriginID.tagAlphabet[Int((value >> (35 - 5 * UInt64(index))) & 31)] }
      return 8
    }
  }

  /// Crockford's base-32 digits.
  private static let tagAlphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

  public var description: String { hex }

  public static func < (lhs: OriginID, rhs: OriginID) -> Bool {
    (lhs.high, lhs.low) < (rhs.high, rhs.low)
  }
}
