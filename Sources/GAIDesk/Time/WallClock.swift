import Foundation

/// The clock the program reads: the PC's, shifted by `$GAIDESK_CLOCK_OFFSET` seconds when that is set (tests
/// pin their day with it, hours from any midnight). Like setting the PC's clock: the journal's clock check
/// still compares it with the newest record.
public enum WallClock {
  /// The shift in seconds, read from the environment once (0 when unset or not a number of seconds within
  /// ten years).
  public static let offset = offset(ProcessInfo.processInfo.environment["GAIDESK_CLOCK_OFFSET"])

  /// The shift that `text` names, 0 when it names none.
  static func offset(_ text: String?) -> TimeInterval {
    guard let text, let seconds = Double(text), abs(seconds) <= 3660 * 86400 else { return 0 }
    return seconds
  }

  /// The time now.
  public static func now() -> Date { Date(timeIntervalSinceNow: offset) }
}
