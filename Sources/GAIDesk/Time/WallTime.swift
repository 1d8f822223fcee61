import Foundation

/// The wall-clock time at which a record was written (milliseconds since 1970, UTC). Days, waits and service
/// times come from it; the hybrid clock only orders records.
public struct WallTime: Hashable, Comparable, Sendable {
  /// Milliseconds since 1970 (UTC).
  public let milliseconds: UInt64

  /// Wraps milliseconds since 1970.
  public init(milliseconds: UInt64) { self.milliseconds = milliseconds }

  /// The wall time of `date` (dates before 1970 count as 1970).
  public init(_ date: Date) { milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000)) }

  /// As a date.
  public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

  /// Whole seconds from `self` to `later` (0 when `later` is earlier: a clock set back never gives a negative
  /// wait).
  public func seconds(to later: WallTime) -> Int {
    later.milliseconds >= milliseconds ? Int((later.milliseconds - milliseconds) / 1000) : 0
  }

  public static func < (lhs: WallTime, rhs: WallTime) -> Bool { lhs.milliseconds < rhs.milliseconds }
}
