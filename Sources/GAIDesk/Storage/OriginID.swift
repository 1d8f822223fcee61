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

  /// Parses 32 hexadecimal digits.
  public init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.count == 32 else { return nil }
    var bytes: [UInt8] = []
    for i in stride(from: 0, to: 32, by: 2) {
      guard let high = OriginID.nibble(digits[i]), let low = OriginID.nibble(digits[i + 1]) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    self.bytes = bytes
  }

  private static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    default: return nil
    }
  }

  /// 32 lowercase hexadecimal digits (the folder name of the origin's log).
  public var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A short tag of four Crockford base-32 characters used in entity ids.
  public var tag: String {
    let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    let value = UInt32(bytes[0]) << 12 | UInt32(bytes[1]) << 4 | UInt32(bytes[2]) >> 4
    return String((0..<4).map { alphabet[Int((value >> (15 - 5 * UInt32($0))) & 31)] })
  }

  public var description: String { hex }

  public static func < (lhs: OriginID, rhs: OriginID) -> Bool {
    lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
  }
}
