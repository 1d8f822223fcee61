/// Distinct values numbered in the order they were first added, so that a record holds a 4-byte number
/// instead of its own copy (the visits' topic lists; strings have the faster `StringPool`).
struct InternPool<Value: Hashable & Sendable>: Sendable {
  /// The values, by number.
  private(set) var values: [Value] = []
  private var numbers: [Value: Int32] = [:]

  /// An empty pool.
  init() {}

  /// A pool of `values` as `StateCodec` wrote them; nil when one appears twice.
  init?(_ values: [Value]) {
    self.values = values
    numbers.reserveCapacity(values.count)
    for (number, value) in values.enumerated() {
      guard numbers.updateValue(Int32(number), forKey: value) == nil else { return nil }
    }
  }

  /// How many values the pool holds.
  var count: Int { values.count }

  /// The number of `value`, adding it when new.
  mutating func intern(_ value: Value) -> Int32 {
    if let number = numbers[value] { return number }
    let number = Int32(values.count)
    values.append(value)
    numbers[value] = number
    return number
  }

  /// The value numbered `number`, or nil for -1.
  func optional(_ number: Int32) -> Value? { number < 0 ? nil : values[Int(number)] }
}
