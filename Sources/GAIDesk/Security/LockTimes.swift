import Foundation

/// When a desk locks and when its keys are wiped: the office's settings, travelling with its journal.
public struct LockTimes: Equatable, Sendable {
  /// Minutes without a key before the screen locks.
  public var idleMinutes: Int
  /// Minutes locked before the keys are wiped from memory (the passphrase is needed again).
  public var wipeMinutes: Int
  /// Hours after the passphrase was typed before the keys are wiped, whatever happens.
  public var sessionHours: Int

  /// The bounds administrators may choose within.
  public static let idleRange = 1...30
  /// The bounds of `wipeMinutes`.
  public static let wipeRange = 5...60
  /// The bounds of `sessionHours`.
  public static let sessionRange = 1...12
  /// 3 minutes idle, 15 minutes locked, 10 hours in all.
  public static let standard = LockTimes(idleMinutes: 3, wipeMinutes: 15, sessionHours: 10)

  /// Creates lock times (unchecked; `LockTimesChange.validate()` checks what a person asks for).
  public init(idleMinutes: Int, wipeMinutes: Int, sessionHours: Int) {
    self.idleMinutes = idleMinutes
    self.wipeMinutes = wipeMinutes
    self.sessionHours = sessionHours
  }

  /// The idle time, in seconds.
  public var idle: TimeInterval { TimeInterval(idleMinutes * 60) }
  /// The time locked before the wipe, in seconds.
  public var wipeAfterLock: TimeInterval { TimeInterval(wipeMinutes * 60) }
  /// The longest session, in seconds.
  public var session: TimeInterval { TimeInterval(sessionHours * 3600) }

  /// The environment variable that shortens the idle time on one PC (tests, demonstrations), in seconds.
  public static let idleOverrideVariable = "GAIDESK_IDLE_LOCK_SECONDS"
  /// The shortest idle time the override accepts, in seconds.
  public static let idleOverrideMinimum: TimeInterval = 2

  /// The idle override from `environment`: a whole number of seconds, at least 2; nil when unset or not a
  /// number. It can only shorten the office's idle time (see `DeskSession`), never lengthen it.
  public static func idleOverride(environment: [String: String]) -> TimeInterval? {
    guard let text = environment[idleOverrideVariable], let seconds = Int(text) else { return nil }
    return max(idleOverrideMinimum, TimeInterval(seconds))
  }
}

/// What an administrator changes in the lock times; fields left nil keep their value.
public struct LockTimesChange: Equatable, Sendable {
  /// New idle minutes.
  public var idleMinutes: Int?
  /// New minutes locked before the wipe.
  public var wipeMinutes: Int?
  /// New session hours.
  public var sessionHours: Int?

  /// Creates a change.
  public init(idleMinutes: Int? = nil, wipeMinutes: Int? = nil, sessionHours: Int? = nil) {
    self.idleMinutes = idleMinutes
    self.wipeMinutes = wipeMinutes
    self.sessionHours = sessionHours
  }

  /// Whether nothing is changed.
  public var isEmpty: Bool { idleMinutes == nil && wipeMinutes == nil && sessionHours == nil }

  /// Throws for the first value outside its bounds, naming the setting, the bounds and the value.
  public func validate() throws {
    let checks: [(String, Int?, ClosedRange<Int>)] = [
      ("idle-minutes", idleMinutes, LockTimes.idleRange), ("wipe-minutes", wipeMinutes, LockTimes.wipeRange),
      ("session-hours", sessionHours, LockTimes.sessionRange),
    ]
    for (name, value, range) in checks {
      if let value, !range.contains(value) {
        throw GAIDeskError(
          .lockTimeRange, name, String(range.lowerBound), String(range.upperBound), String(value))
      }
    }
  }

  /// `times` with this change's values within bounds applied (a value out of bounds, written by a newer or
  /// hostile program, is ignored).
  public func applied(to times: LockTimes) -> LockTimes {
    var result = times
    if let value = idleMinutes, LockTimes.idleRange.contains(value) { result.idleMinutes = value }
    if let value = wipeMinutes, LockTimes.wipeRange.contains(value) { result.wipeMinutes = value }
    if let value = sessionHours, LockTimes.sessionRange.contains(value) { result.sessionHours = value }
    return result
  }
}
