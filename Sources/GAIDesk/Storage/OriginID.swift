/// The identity of one device's log: 16 random bytes, never shared by two writers.
public struct OriginID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The 16 bytes.
  public let bytes: [UInt8]

  /// Wraps 16 bytes.
  public init?(bytes: [UInt8]) {
    guard bytes.count == 16 else { return nil }
    self.bytes = bytes
  }

  /// A new random origin.
  public static func random() -> OriginID {
    var generator = SystemRandomNumberGenerator()
    return OriginID(bytes: (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })!
  }

  /// Parses 32 lowercase hexadecimal digits.
  public init?(hex: String) {
    guard hex.utf8.count == 32, hex == hex.lowercased(), let bytes = Hex.decode(hex) else { return nil }
    self.bytes = bytes
  }

  /// 32 lowercase hexadecimal digits (the folder name of the origin's log).
  public var hex: String { Hex.encode(bytes) }

  /// The tag used in entity ids: the first 40 bits as eight Crockford base-32 characters, checked against
  /// the origins already known when an origin is created (a pair of colliding tags among 1,000 origins has a
  /// chance below one in two million).
  public var tag: String {
    let value = bytes[0..<5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    return String(unsafeUninitializedCapacity: 8) { text in
      for index in 0..<8 { text[index] = OriginID.tagAlphabet[Int((value >> (35 - 5 * UInt64(index))) & 31)] }
      return 8
    }
  }

  /// Crockford's base-32 digits.
  private static let tagAlphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

  public var description: String { hex }

  public static func < (lhs: OriginID, rhs: OriginID) -> Bool {
    lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
  }
}
