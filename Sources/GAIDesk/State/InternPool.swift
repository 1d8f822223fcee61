/// Distinct lists of strings (the visits' topic lists) numbered in the order they were first added, so that
/// a row holds a 4-byte number instead of its own copy. A list is found by an FNV-1a hash of its strings'
/// UTF-8 bytes and a byte comparison (as `StringPool` finds a string), so the fold looks one up where it lies
/// in a record's payload, without building a `[String]` or running `Hasher`.
struct InternPool: Sendable {
  /// The lists, by number.
  private(set) var values: [[String]] = []
  /// Every list's strings' UTF-8 bytes, one after the other: a lookup compares them where they lie, without
  /// retaining a `String`.
  private var utf8: [UInt8] = []
  /// Where each string of every list ends in `utf8`, list after list.
  private var stringEnds: [Int] = []
  /// Where each list's strings end in `stringEnds`, by number.
  private var listEnds: [Int] = []
  /// Each list's hash, by number: a lookup compares the strings of a list of the same hash only.
  private var hashes: [Int] = []
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
    let hash = Self.hash(value)
    let found = find(hash: hash) { (held: Strings) -> Bool in
      guard held.count == value.count else { return false }
      for (index, string) in value.enumerated() {
        var string = string
        guard string.withUTF8({ StringPool.equal(held[index], $0) }) else { return false }
      }
      return true
    }
    if let number = found.number { return number }
    for string in value {
      var string = string
      string.withUTF8 { utf8.append(contentsOf: $0) }
      stringEnds.append(utf8.count)
    }
    return add(value, hash: hash, at: found.slot)
  }

  /// The number of the list `list` reads (a count, then that many strings, as `ByteReader.readStrings`
  /// reads them; the caller has checked that it reads whole), adding it when new.
  mutating func intern(list: PayloadReader) throws(PayloadReader.Malformed) -> Int32 {
    var reader = list
    var h = Self.seed
    let count = try reader.length()
    for _ in 0..<count { h = Self.hash(reader[try reader.string()], into: h) }
    let hash = Self.finish(h)
    let found = try find(hash: hash) { (held: Strings) throws(PayloadReader.Malformed) -> Bool in
      guard held.count == count else { return false }
      var reader = list
      _ = try reader.length()
      for index in 0..<count {
        guard StringPool.equal(held[index], reader[try reader.string()]) else { return false }
      }
      return true
    }
    if let number = found.number { return number }
    reader = list
    _ = try reader.length()
    var value: [String] = []
    value.reserveCapacity(count)
    for _ in 0..<count {
      let bytes = reader[try reader.string()]
      value.append(String(decoding: bytes, as: UTF8.self))
      utf8.append(contentsOf: bytes)
      stringEnds.append(utf8.count)
    }
    return add(value, hash: hash, at: found.slot)
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

  /// One held list's strings as they lie in the pool's bytes (compared byte for byte: not `==`, which
  /// equates canonically equivalent spellings).
  private struct Strings {
    let utf8: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int>
    /// Where the list's strings start in `ends`, and how many there are.
    let first: Int
    let count: Int

    /// The bytes of the list's string `index`.
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
      let at = first + index
      return UnsafeBufferPointer(rebasing: utf8[(at == 0 ? 0 : ends[at - 1])..<ends[at]])
    }
  }

  /// The number of the list with hash `hash` that `matches`, else the empty slot where it would go (-1 when
  /// there are no slots yet).
  private func find<E: Error>(hash: Int, matches: (Strings) throws(E) -> Bool) throws(E) -> (
    number: Int32?, slot: Int
  ) {
    guard !slots.isEmpty else { return (nil, -1) }
    let mask = slots.count - 1
    var slot = hash & mask
    return try utf8.withUnsafeBufferPointer { utf8 throws(E) in
      try stringEnds.withUnsafeBufferPointer { ends throws(E) in
        while true {
          let held = Int(slots[slot])
          if held == 0 { return (nil, slot) }
          guard hashes[held - 1] == hash else {
            slot = (slot + 1) & mask
            continue
          }
          let first = held == 1 ? 0 : listEnds[held - 2]
          let strings = Strings(utf8: utf8, ends: ends, first: first, count: listEnds[held - 1] - first)
          if try matches(strings) { return (Int32(held - 1), slot) }
          slot = (slot + 1) & mask
        }
      }
    }
  }

  /// Adds `value`, whose strings' bytes were just appended to `utf8` and `stringEnds`.
  private mutating func add(_ value: [String], hash: Int, at slot: Int) -> Int32 {
    let number = Int32(values.count)
    values.append(value)
    listEnds.append(stringEnds.count)
    hashes.append(hash)
    if slot >= 0 && values.count * 2 <= slots.count {
      slots[slot] = number + 1
      return number
    }
    var size = max(16, slots.count)
    while size < values.count * 2 { size *= 2 }
    slots = [Int32](repeating: 0, count: size)
    let mask = size - 1
    for (index, hash) in hashes.enumerated() {
      var slot = hash & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
    return number
  }
}
