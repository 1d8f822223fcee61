/// Distinct values numbered in the order they were first added, so that a record holds a 4-byte number
/// instead of its own copy (days, staff, desks, outcomes, notes and topic lists of the visits).
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

  /// The value numbered `number`.
  subscript(number: Int32) -> Value { values[Int(number)] }

  /// The number of `value`, if the pool holds it.
  func number(of value: Value) -> Int32? { numbers[value] }

  /// The number of `value`, adding it when new.
  mutating func intern(_ value: Value) -> Int32 {
    if let number = numbers[value] { return number }
    let number = Int32(values.count)
    values.append(value)
    numbers[value] = number
    return number
  }

  /// The number of `value`, or -1 for nil.
  mutating func intern(_ value: Value?) -> Int32 {
    guard let value else { return -1 }
    return intern(value)
  }

  /// The value numbered `number`, or nil for -1.
  func optional(_ number: Int32) -> Value? { number < 0 ? nil : values[Int(number)] }
}
