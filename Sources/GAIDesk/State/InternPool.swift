/// Distinct lists of strings (the visits' topic lists) numbered in the order they were first added, so that
/// a row holds a 4-byte number instead of its own copy. A list is found by an FNV-1a hash of its strings'
/// UTF-8 bytes and a byte comparison (as `StringPool` finds a string), so the fold looks one up where it lies
/// in a record's payload, without building a `[String]` or running `Hasher`.
struct InternPool: Sendable {
  /// The lists, by number.
  private(set) var values: [[String]] = []
  /// Open addressing over `values`: each slot holds a list's number plus one, or 0 when empty.
  private var slots: [Int32] = []

  /// An empty pool.
  init() {}

  /// A pool of `values` as `StateCodec` wrote them; nil when one appears twice.
  init?(_ values: [[String]]) {
    for value in values {
      let before = count
      guard intern(value) == Int32(before) else { return nil }
    }
  }

  /// How many lists the pool holds.
  var count: Int { values.count }

  /// The list numbered `number`, or nil for -1.
  func optional(_ number: Int32) -> [String]? { number < 0 ? nil : values[Int(number)] }

  /// The number of `value`, adding it when new.
  mutating func intern(_ value: [String]) -> Int32 {
    let found = find(hash: Self.hash(value)) { Self.equal($0, value) }
    return found.number ?? add(value, at: found.slot)
  }

  /// The number of the list `list` reads (a count, then that many strings, as `ByteReader.readStrings`
  /// reads them; the caller has checked that it reads whole), adding it when new.
  mutating func intern(list: PayloadReader) throws(PayloadReader.Malformed) -> Int32 {
    var reader = list
    var h = Self.seed
    let count = try reader.length()
    for _ in 0..<count { h = Self.hash(reader[try reader.string()], into: h) }
    let found = try find(hash: Self.finish(h)) { (held: [String]) throws(PayloadReader.Malformed) -> Bool in
      guard held.count == count else { return false }
      var reader = list
      _ = try reader.length()
      for string in held {
        let bytes = reader[try reader.string()]
        var string = string
        guard string.withUTF8({ $0.elementsEqual(bytes) }) else { return false }
      }
      return true
    }
    if let number = found.number { return number }
    reader = list
    _ = try reader.length()
    var value: [String] = []
    value.reserveCapacity(count)
    for _ in 0..<count { value.append(String(decoding: reader[try reader.string()], as: UTF8.self)) }
    return add(value, at: found.slot)
  }

  private static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

  /// Mixes one string's bytes, then a separator no UTF-8 byte equals, into `h`.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, into h: UInt64) -> UInt64 {
    var h = h
    for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return (h ^ 0x1FF) &* 0x100_0000_01B3
  }

  private static func finish(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 32)) }

  private static func hash(_ value: [String]) -> Int {
    var h = seed
    for string in value {
      var string = string
      h = string.withUTF8 { hash($0, into: h) }
    }
    return finish(h)
  }

  /// The same strings byte for byte (not `==`, which equates canonically equivalent spellings).
  private static func equal(_ a: [String], _ b: [String]) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) {
      var x = x
      var y = y
      guard x.withUTF8({ x in y.withUTF8 { x.elementsEqual($0) } }) else { return false }
    }
    return true
  }

  /// The number of the list with hash `hash` that `matches`, else the empty slot where it would go (-1 when
  /// there are no slots yet).
  private func find<E: Error>(hash: Int, matches: ([String]) throws(E) -> Bool) throws(E) -> (
    number: Int32?, slot: Int
  ) {
    guard !slots.isEmpty else { return (nil, -1) }
    let mask = slots.count - 1
    var slot = hash & mask
    while true {
      let held = slots[slot]
      if held == 0 { return (nil, slot) }
      if try matches(values[Int(held - 1)]) { return (held - 1, slot) }
      slot = (slot + 1) & mask
    }
  }

  private mutating func add(_ value: [String], at slot: Int) -> Int32 {
    let number = Int32(values.count)
    values.append(value)
    if slot >= 0 && values.count * 2 <= slots.count {
      slots[slot] = number + 1
      return number
    }
    var size = max(16, slots.count)
    while size < values.count * 2 { size *= 2 }
    slots = [Int32](repeating: 0, count: size)
    let mask = size - 1
    for (index, list) in values.enumerated() {
      var slot = Self.hash(list) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
    return number
  }
}
