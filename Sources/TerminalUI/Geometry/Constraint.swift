/// How much of a row or column a part of a split layout takes.
public enum Constraint: Hashable, Sendable {
  /// Exactly this many cells (less when space runs out).
  case length(Int)
  /// This percentage of the whole length, rounded down.
  case percent(Int)
  /// A share of what is left after lengths and percentages, in proportion to the weight.
  case fill(Int)

  /// Resolves `constraints` into sizes that add up to at most `total`.
  static func resolve(_ constraints: [Constraint], total: Int) -> [Int] {
    var remaining = max(0, total)
    var sizes = [Int](repeating: 0, count: constraints.count)
    for (index, constraint) in constraints.enumerated() {
      let wanted: Int
      switch constraint {
      case .length(let n): wanted = max(0, n)
      case .percent(let p): wanted = max(0, total * p / 100)
      case .fill: continue
      }
      sizes[index] = min(wanted, remaining)
      remaining -= sizes[index]
    }
    let weights = constraints.map { if case .fill(let w) = $0 { max(0, w) } else { 0 } }
    let totalWeight = weights.reduce(0, +)
    guard totalWeight > 0 else { return sizes }
    let shared = remaining
    var given = 0
    var lastFill = 0
    for (index, weight) in weights.enumerated() where weight > 0 {
      sizes[index] = shared * weight / totalWeight
      given += sizes[index]
      lastFill = index
    }
    sizes[lastFill] += shared - given
    return sizes
  }
}
