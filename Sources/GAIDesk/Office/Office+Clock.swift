import Foundation

/// What is wrong with this computer's clock compared with the journal.
public enum ClockWarning: Equatable, Sendable {
  /// The clock is more than 5 minutes behind the newest record.
  case behind(newest: WallTime)
  /// The clock is more than 30 days after the newest record.
  case ahead(newest: WallTime)
}

extension Office {
  /// Whether the wall clock `now` looks wrong against the newest record: the interface asks the person to
  /// check the date before the first write of a session, the command line warns.
  public func clockWarning(now: Date) -> ClockWarning? {
    state.clockWarning(now: now)
  }

  /// Records dated on a local day after `now`'s (written with a clock set ahead), per day.
  public func futureDatedRecords(now: Date) -> [(day: String, count: Int)] {
    state.recordsPerDay(after: LocalTime.day(now))
  }
}

extension OfficeState {
  /// Whether the wall clock `now` looks wrong against the newest record (see `Office.clockWarning(now:)`).
  public func clockWarning(now: Date) -> ClockWarning? {
    guard let newest = latestWall else { return nil }
    let clock = WallTime(now)
    if clock.milliseconds + 5 * 60_000 < newest.milliseconds { return .behind(newest: newest) }
    if clock.milliseconds > newest.milliseconds + 30 * 86_400_000 { return .ahead(newest: newest) }
    return nil
  }
}
