/// A keyed 64-bit fingerprint (SipHash-2-4) of the visitor details the search index reads: full name, aliases,
/// phone and document number. The key is random per index and kept only inside its sealed cache, so no one
/// can choose details whose fingerprint equals another's.
enum SearchFingerprint {
  /// A SipHash key.
  struct Key: Equatable, Sendable {
    let k0: UInt64
    let k1: UInt64

    /// A new random key.
    static func random() -> Key {
      var generator = SystemRandomNumberGenerator()
      return Key(k0: generator.next(), k1: generator.next())
    }
  }

  /// The fingerprint of `visitor`'s searched details (nil: no visitor under that id).
  static func of(_ visitor: Visitor?, key: Key) -> UInt64 {
    var hasher = SipHasher(key: key)
    guard let visitor else {
      hasher.append(word: 0)
      return hasher.finish()
    }
    hasher.append(word: 1)
    hasher.append(visitor.fullName)
    hasher.append(word: UInt64(visitor.aliases.count))
    for alias in visitor.aliases { hasher.append(alias) }
    hasher.append(visitor.phone)
    hasher.append(visitor.document?.number)
    return hasher.finish()
  }
}

/// SipHash-2-4 over bytes; strings are appended as their length and their bytes padded with zeros to whole
/// 8-byte words (so fields never run into each other, and the strings' words are taken eight bytes at a time).
struct SipHasher {
  private var v0: UInt64
  private var v1: UInt64
  private var v2: UInt64
  private var v3: UInt64
  private var tail: UInt64 = 0
  private var length: UInt64 = 0

  init(key: SearchFingerprint.Key) {
    v0 = key.k0 ^ 0x736f_6d65_7073_6575
    v1 = key.k1 ^ 0x646f_7261_6e64_6f6d
    v2 = key.k0 ^ 0x6c79_6765_6e65_7261
    v3 = key.k1 ^ 0x7465_6462_7974_6573
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    tail |= UInt64(byte) << ((length & 7) &* 8)
    length &+= 1
    if length & 7 == 0 {
      compress(tail)
      tail = 0
    }
  }

  /// Appends eight bytes, little-endian.
  @inline(__always)
  mutating func append(word: UInt64) {
    guard length & 7 == 0 else {
      for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
      return
    }
    compress(word)
    length &+= 8
  }

  /// Appends a string's UTF-8 length plus one (0 is reserved for no string) and its bytes, padded to words.
  mutating func append(_ string: String) {
    // Native strings are read in place; others are made contiguous first.
    if string.utf8.withContiguousStorageIfAvailable({ append(utf8: $0) }) == nil {
      var copy = string
      copy.withUTF8 { append(utf8: $0) }
    }
  }

  private mutating func append(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    append(word: UInt64(bytes.count) + 1)
    let whole = bytes.count & ~7
    var index = 0
    if length & 7 == 0, let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index < whole {
        compress(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
        length &+= 8
        index += 8
      }
    }
    while index < bytes.count {
      append(bytes[index])
      index += 1
    }
    while length & 7 != 0 { append(0) }
  }

  /// Appends 0 for no string, else the string.
  mutating func append(_ string: String?) {
    if let string { append(string) } else { append(word: 0) }
  }

  /// The 64-bit hash of everything appended.
  mutating func finish() -> UInt64 {
    compress(tail | (length & 0xFF) << 56)
    v2 ^= 0xFF
    for _ in 0..<4 { round() }
    return v0 ^ v1 ^ v2 ^ v3
  }

  @inline(__always)
  private mutating func compress(_ m: UInt64) {
    v3 ^= m
    round()
    round()
    v0 ^= m
  }

  @inline(__always)
  private mutating func round() {
    v0 &+= v1
    v1 = v1.rotateLeft(13) ^ v0
    v0 = v0.rotateLeft(32)
    v2 &+= v3
    v3 = v3.rotateLeft(16) ^ v2
    v0 &+= v3
    v3 = v3.rotateLeft(21) ^ v0
    v2 &+= v1
    v1 = v1.rotateLeft(17) ^ v2
    v2 = v2.rotateLeft(32)
  }
}

extension UInt64 {
  fileprivate func rotateLeft(_ bits: UInt64) -> UInt64 { (self << bits) | (self >> (64 - bits)) }
}
