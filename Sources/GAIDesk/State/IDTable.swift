/// Ids of one kind (`T-K7QDABCD-123`) numbered 0, 1, 2… in the order they were added, held without a
/// `String` each: an id ending in `-` and a decimal number is kept as its prefix (interned: one per origin
/// and kind) and that number; any other id is kept whole as a prefix. Lookups hash two integers and compare
/// them, never a string's heap storage (a 17-character id does not fit inline in a `String`).
struct IDTable: Sendable {
  /// An id as stored: an index into `prefixes` and the number after it, or -1 when the prefix is the id.
  struct Key: Hashable, Sendable {
    var prefix: Int32
    var number: Int64
  }

  /// The distinct prefixes, numbered in the order they first appeared.
  private var prefixPool = StringPool()
  /// The ids, by number.
  private(set) var keys: [Key] = []
  /// Open addressing over `keys`: each slot holds an id's number plus one, or 0 when empty.
  private var slots: [Int32] = []

  /// How many ids the table holds.
  var count: Int { keys.count }

  /// The distinct prefixes, in the order they first appeared.
  var prefixes: [String] { prefixPool.values }

  /// The number of `id`, if the table holds it.
  func index(of id: String) -> Int32? {
    var id = id
    return id.withUTF8 { index(ofBytes: $0) }
  }

  /// The number of `id`, adding it when the table does not hold it yet; whether it was added.
  mutating func insert(_ id: String) -> (index: Int32, inserted: Bool) {
    var id = id
    return id.withUTF8 { insert(bytes: $0) }
  }

  /// The number of the id of UTF-8 `bytes`, if the table holds it.
  func index(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    let (end, number) = Self.split(bytes)
    guard let prefix = prefixPool.number(ofBytes: UnsafeBufferPointer(rebasing: bytes[..<end])) else {
      return nil
    }
    return find(Key(prefix: prefix, number: number)).index
  }

  /// The number of the id of UTF-8 `bytes` (valid UTF-8), adding it when the table does not hold it yet;
  /// whether it was added.
  mutating func insert(bytes: UnsafeBufferPointer<UInt8>) -> (index: Int32, inserted: Bool) {
    let (end, number) = Self.split(bytes)
    let key = Key(
      prefix: prefixPool.intern(bytes: UnsafeBufferPointer(rebasing: bytes[..<end])), number: number)
    let found = find(key)
    if let index = found.index { return (index, false) }
    return (add(key, at: found.slot), true)
  }

  /// Room for `count` ids without growing the table.
  mutating func reserveCapacity(_ count: Int) {
    keys.reserveCapacity(count)
    reserve(count)
  }

  /// The id numbered `index`.
  func id(at index: Int32) -> String {
    let key = keys[Int(index)]
    let prefix = prefixPool[key.prefix]
    return key.number < 0 ? prefix : prefix + String(key.number)
  }

  /// Whether the id numbered `index` starts with `start`, without building it when its prefix decides.
  func id(at index: Int32, hasPrefix start: String) -> Bool {
    let key = keys[Int(index)]
    let prefix = prefixPool[key.prefix]
    if prefix.utf8.count >= start.utf8.count { return prefix.hasPrefix(start) }
    return id(at: index).hasPrefix(start)
  }

  /// A table of `prefixes` and `keys` as `StateCodec` wrote them; nil when they are inconsistent (a prefix
  /// out of range, an id twice, or a number on a prefix that is a whole id).
  init?(prefixes: [String], keys: [Key]) {
    guard let pool = StringPool(prefixes) else { return nil }
    prefixPool = pool
    self.keys.reserveCapacity(keys.count)
    reserve(keys.count)
    for key in keys {
      guard key.prefix >= 0, Int(key.prefix) < prefixPool.count, key.number >= -1 else { return nil }
      let found = find(key)
      guard found.index == nil else { return nil }
      _ = add(key, at: found.slot)
    }
  }

  /// An empty table.
  init() {}

  /// The hash slots as they are, for the snapshot (which writes them beside the keys, so that opening does
  /// not hash every id again).
  var slotsAsStored: [Int32] { slots }

  /// A table of `prefixes`, `keys` and the `slots` the snapshot kept, not rebuilt; nil when a prefix is out
  /// of range or the slots are not a table at most half full numbering every key once.
  init?(prefixes: [String], keys: [Key], slots: [Int32]) {
    guard let pool = StringPool(prefixes),
      slots.isEmpty
        ? keys.isEmpty
        : slots.count >= 16 && slots.count & (slots.count - 1) == 0 && keys.count * 2 <= slots.count,
      keys.allSatisfy({ $0.prefix >= 0 && Int($0.prefix) < pool.count && $0.number >= -1 })
    else { return nil }
    var seen = [Bool](repeating: false, count: keys.count)
    var held = 0
    for slot in slots where slot != 0 {
      guard slot > 0, Int(slot) <= keys.count, !seen[Int(slot) - 1] else { return nil }
      seen[Int(slot) - 1] = true
      held += 1
    }
    guard held == keys.count else { return nil }
    prefixPool = pool
    self.keys = keys
    self.slots = slots
  }

  /// Where `id`'s prefix ends and the number after it: at its last `-` when a decimal number without leading
  /// zeros follows (so that the number written back gives the same id), else the whole id and -1.
  private static func split(_ id: UnsafeBufferPointer<UInt8>) -> (prefixEnd: Int, number: Int64) {
    var dash = id.count - 1
    while dash >= 0 && id[dash] != UInt8(ascii: "-") { dash -= 1 }
    let digits = id.count - dash - 1
    guard dash >= 0, (1...18).contains(digits), id[dash + 1] != UInt8(ascii: "0") || digits == 1 else {
      return (id.count, -1)
    }
    var number: Int64 = 0
    for byte in id[(dash + 1)...] {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return (id.count, -1) }
      number = number * 10 + Int64(byte - UInt8(ascii: "0"))
    }
    return (dash + 1, number)
  }

  /// Ids of one prefix whose numbers differ only in their last four bits go to neighbouring slots (one or two
  /// cache lines): a visit is called and closed soon after it arrived, while the ids near its number are
  /// still cached. Blocks of 16 numbers are scattered by a multiplicative hash.
  private static func hash(_ key: Key) -> Int {
    let number = UInt64(bitPattern: key.number)
    var h = (number >> 4) &* 0x9E37_79B9_7F4A_7C15
    h ^= UInt64(UInt32(bitPattern: key.prefix)) &* 0xC2B2_AE3D_27D4_EB4F
    h ^= h >> 29
    return Int(truncatingIfNeeded: (h << 4) &+ (number & 15))
  }

  /// The slot of `key`: its number when held, else the empty slot where it would go.
  private func find(_ key: Key) -> (index: Int32?, slot: Int) {
    guard !slots.isEmpty else { return (nil, -1) }
    let mask = slots.count - 1
    var slot = Self.hash(key) & mask
    return slots.withUnsafeBufferPointer { slots in
      keys.withUnsafeBufferPointer { keys in
        while true {
          let held = slots[slot]
          if held == 0 { return (nil, slot) }
          if keys[Int(held - 1)] == key { return (held - 1, slot) }
          slot = (slot + 1) & mask
        }
      }
    }
  }

  private mutating func add(_ key: Key, at slot: Int) -> Int32 {
    let index = Int32(keys.count)
    keys.append(key)
    if slot >= 0 && keys.count * 2 <= slots.count {
      slots[slot] = index + 1
    } else {
      reserve(keys.count)
    }
    return index
  }

  /// Rebuilds the slots for at least `count` ids at most half full.
  private mutating func reserve(_ count: Int) {
    var size = max(16, slots.count)
    while size < count * 2 { size *= 2 }
    guard size != slots.count || keys.count * 2 > size else { return }
    slots = [Int32](repeating: 0, count: size)
    let mask = size - 1
    for (index, key) in keys.enumerated() {
      var slot = Self.hash(key) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }
}
