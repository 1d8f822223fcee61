/// How many of something: a code (topic, staff, partner, nationality…) and its count.
public struct Tally: Equatable, Sendable {
  /// What is counted (a code or a name).
  public let key: String
  /// How many.
  public let count: Int

  /// Creates a tally.
  public init(_ key: String, _ count: Int) {
    self.key = key
    self.count = count
  }

  /// Tallies of `keys`, most frequent first, then by key.
  static func of<S: Sequence>(_ keys: S) -> [Tally] where S.Element == String {
    var counts: [String: Int] = [:]
    for key in keys { counts[key, default: 0] += 1 }
    return counts.map { Tally($0.key, $0.value) }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key
    }
  }

  /// Tallies of `keys` in the fixed order `order` (zeros kept), then any other key.
  static func of<S: Sequence>(_ keys: S, order: [String]) -> [Tally] where S.Element == String {
    var counts: [String: Int] = [:]
    for key in keys { counts[key, default: 0] += 1 }
    let extra = counts.keys.filter { !order.contains($0) }.sorted()
    return (order + extra).map { Tally($0, counts[$0] ?? 0) }
  }
}

/// Durations in seconds: how many, the median and the 90th percentile.
///
/// The median of an even count is the mean of the two middle values (rounded down to the second); the 90th
/// percentile is the nearest-rank one: the ⌈0.9·n⌉-th smallest value.
public struct DurationStats: Equatable, Sendable {
  /// How many durations.
  public let count: Int
  /// The median, in seconds (nil when there is none).
  public let median: Int?
  /// The 90th percentile, in seconds (nil when there is none).
  public let p90: Int?

  /// The statistics of `seconds`.
  public init(_ seconds: [Int]) {
    let sorted = seconds.sorted()
    count = sorted.count
    guard !sorted.isEmpty else {
      median = nil
      p90 = nil
      return
    }
    let n = sorted.count
    median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    p90 = sorted[max(0, (9 * n + 9) / 10 - 1)]
  }

  /// Seconds between two wall times (0 when the clock went back).
  static func seconds(_ from: WallTime, _ to: WallTime) -> Int { from.seconds(to: to) }
}
