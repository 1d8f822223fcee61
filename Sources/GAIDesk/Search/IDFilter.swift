/// A filter over a set of visitor ids that rules most other ids out before a set lookup: one bit of a
/// 2^16-bit table per id, chosen by a sketch of the id's length and last eight bytes. Only ASCII ids are
/// sketched — for them, equal strings are equal bytes, whereas a string with other characters can equal one of
/// different bytes (the Kelvin sign is a K) — so an id that is not ASCII, or a set holding one, is always looked
/// up.
struct IDFilter {
  private var bits = [UInt64](repeating: 0, count: 1024)
  /// False when an id of the set has no sketch: then every id may be in it.
  private var isUsable = true

  /// A filter of `ids`.
  init<S: Sequence>(_ ids: S) where S.Element == String {
    for id in ids {
      guard let sketch = IDFilter.sketch(id) else {
        isUsable = false
        return
      }
      bits[Int(sketch >> 54)] |= 1 << ((sketch >> 48) & 63)
    }
  }

  /// Whether `id` may be in the set: false only when it surely is not.
  func mayContain(_ id: String) -> Bool {
    guard isUsable, let sketch = IDFilter.sketch(id) else { return true }
    return bits[Int(sketch >> 54)] & (1 << ((sketch >> 48) & 63)) != 0
  }

  /// A 64-bit sketch of an ASCII id's length and last eight bytes (mixed so that the top bits depend on all of
  /// them); nil for an id with other characters, or whose bytes are not at hand.
  static func sketch(_ id: String) -> UInt64? {
    let sketch = id.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
      guard let base = bytes.baseAddress else { return 0 }
      let count = bytes.count
      let raw = UnsafeRawPointer(base)
      var high: UInt64 = 0
      var index = 0
      while index + 8 <= count {
        high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        index += 8
      }
      var tail: UInt64 = 0
      while index < count {
        high |= UInt64(base[index])
        index += 1
      }
      guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
      if count >= 8 {
        tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      } else {
        for position in 0..<count { tail |= UInt64(base[position]) << (8 * UInt64(position)) }
      }
      var value = (UInt64(count) &* 0x9E37_79B9_7F4A_7C15) ^ tail
      value = (value ^ (value >> 31)) &* 0xBF58_476D_1CE4_E5B9
      value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
      return value ^ (value >> 31)
    }
    return sketch ?? nil
  }
}
