import Foundation

/// A hybrid logical clock value: milliseconds since 1970 in the high 48 bits, a counter in the low 16.
public struct HybridTime: Hashable, Comparable, Sendable {
  /// The packed value.
  public let rawValue: UInt64

  /// Wraps a packed value.
  public init(rawValue: UInt64) { self.rawValue = rawValue }

  /// Packs milliseconds and a counter.
  public init(milliseconds: UInt64, counter: UInt16) {
    rawValue = milliseconds << 16 | UInt64(counter)
  }

  /// Milliseconds since 1970 (UTC).
  public var milliseconds: UInt64 { rawValue >> 16 }
  /// The logical counter.
  public var counter: UInt16 { UInt16(truncatingIfNeeded: rawValue) }
  /// The physical part as a date.
  public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

  public static func < (lhs: HybridTime, rhs: HybridTime) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Issues hybrid logical clock values that never go backwards, even when the wall clock does.
public struct HybridClock: Sendable {
  /// The latest value issued or observed.
  public private(set) var latest: HybridTime

  /// A clock that has observed `latest`.
  public init(latest: HybridTime = HybridTime(rawValue: 0)) { self.latest = latest }

  /// Records a value seen in the journal so later ones come after it.
  public mutating func observe(_ time: HybridTime) { if time > latest { latest = time } }

  /// The next value for an event written at wall-clock `now`.
  public mutating func tick(now: Date = Date()) -> HybridTime {
    let wall = UInt64(max(0, now.timeIntervalSince1970 * 1000))
    if wall > latest.milliseconds {
      latest = HybridTime(milliseconds: wall, counter: 0)
    } else if latest.counter == UInt16.max {
      latest = HybridTime(milliseconds: latest.milliseconds + 1, counter: 0)
    } else {
      latest = HybridTime(rawValue: latest.rawValue + 1)
    }
    return latest
  }
}
