import Glibc

/// Distinct strings numbered in the order they were first added (days, staff, desks, outcomes, notes, id
/// prefixes), found by an FNV-1a hash of their UTF-8 bytes and a byte comparison: no `String` is built to
/// look one up, and the hash is a few instructions a byte where `Hasher` costs a few hundred a string.
struct StringPool: Sendable {
  /// The strings, by number.
  private(set) var values: [String] = []
  /// Every string's UTF-8 bytes, one after the other: a lookup compares them where they lie, without
  /// retaining a `String`.
  private var utf8: [UInt8] = []
  /// Where each string's bytes end in `utf8`, by number.
  private var ends: [Int] = []
  /// Open addressing over `values`: each slot holds a string's number plus one, or 0 when empty.
  private var slots: [Int32] = []

  /// An empty pool.
  init() {}

  /// A pool of `values` as `StateCodec` wrote them; nil when one appears twice.
  init?(_ values: [String]) {
    for value in values {
      let before = count
      guard intern(value) == Int32(before) else { return nil }
    }
  }

  /// How many strings the pool holds.
  var count: Int { values.count }

  /// The string numbered `number`.
  subscript(number: Int32) -> String { values[Int(number)] }

  /// The string numbered `number`, or nil for -1.
  func optional(_ number: Int32) -> String? { number < 0 ? nil : values[Int(number)] }

  /// The number of `value`, if the pool holds it.
  func number(of value: String) -> Int32? {
    var value = value
    return value.withUTF8 { find($0).number }
  }

  /// The number of the string of UTF-8 `bytes`, if the pool holds it.
  func number(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int32? { find(bytes).number }

  /// The number of `value`, adding it when new.
  mutating func intern(_ value: String) -> Int32 {
    var bytes = value
    return bytes.withUTF8 { buffer in
      let found = find(buffer)
      return found.number ?? add(value, bytes: buffer, at: found.slot)
    }
  }

  /// The number of `value`, or -1 for nil.
  mutating func intern(_ value: String?) -> Int32 {
    guard let value else { return -1 }
    return intern(value)
  }

  /// The number of the string of UTF-8 `bytes` (valid UTF-8), adding it when new.
  mutating func intern(bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let found = find(bytes)
    return found.number ?? add(String(decoding: bytes, as: UTF8.self), bytes: bytes, at: found.slot)
  }

  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return Int(truncatingIfNeeded: h ^ (h >> 32))
  }

  /// The number of the string of `bytes` when held, else the empty slot where it would go (-1 when there
  /// are no slots yet).
  private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (number: Int32?, slot: Int) {
    guard !slots.isEmpty else { return (nil, -1) }
    let mask = slots.count - 1
    var slot = Self.hash(bytes) & mask
    return slots.withUnsafeBufferPointer { slots in
      ends.withUnsafeBufferPointer { ends in
        utf8.withUnsafeBufferPointer { utf8 in
          while true {
            let held = Int(slots[slot])
            if held == 0 { return (nil, slot) }
            let start = held == 1 ? 0 : ends[held - 2]
            if Self.equal(UnsafeBufferPointer(rebasing: utf8[start..<ends[held - 1]]), bytes) {
              return (Int32(held - 1), slot)
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
  }

  /// Whether `a` and `b` hold the same bytes (`memcmp`; `elementsEqual` compares byte by byte).
  static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, a.count) == 0
  }

  private mutating func add(_ value: String, bytes: UnsafeBufferPointer<UInt8>, at slot: Int) -> Int32 {
    let number = Int32(values.count)
    values.append(value)
    utf8.append(contentsOf: bytes)
    ends.append(utf8.count)
    if slot >= 0 && values.count * 2 <= slots.count {
      slots[slot] = number + 1
      return number
    }
    var size = max(16, slots.count)
    while size < values.count * 2 { size *= 2 }
    var table = [Int32](repeating: 0, count: size)
    let mask = size - 1
    utf8.withUnsafeBufferPointer { utf8 in
      var start = 0
      for (index, end) in ends.enumerated() {
        var slot = Self.hash(UnsafeBufferPointer(rebasing: utf8[start..<end])) & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = Int32(index + 1)
        start = end
      }
    }
    slots = table
    return number
  }
}
