import Foundation

/// What the supervisor must know about the journal and backups, computed by the core for the screens.
public struct OfficeHealth: Equatable, Sendable {
  /// Records on one local day after today.
  public struct FutureDay: Equatable, Sendable {
    /// The local day (yyyy-mm-dd).
    public var day: String
    /// How many records carry it.
    public var count: Int

    /// Creates a day's tally.
    public init(day: String, count: Int) {
      self.day = day
      self.count = count
    }
  }

  /// How many days without a backup before the supervisor is warned.
  public static let backupDays = 7
  /// Records dated after today (a clock set ahead), per day.
  public var futureDated: [FutureDay]
  /// Forks waiting for a supervisor.
  public var forks: [Fork]
  /// Damaged or missing history in the journal.
  public var damage: [JournalDamage]
  /// When this PC last backed the office up (nil: never).
  public var lastBackup: Date?
  /// Other origins' logs ending in an incomplete record (a copy made while another PC was writing).
  public var incompleteTails: [JournalDamage] = []
  /// Why the office, intact, cannot be written (read-only medium, no permission, full disk); nil when it can.
  public var medium: ReadOnlyMedium?
  /// Key slots skipped at unlock or not matching the office's records, one warning each.
  public var slotWarnings: [GAIDeskError] = []

  /// Creates a report (empty: nothing to say, never backed up).
  public init(
    futureDated: [FutureDay] = [], forks: [Fork] = [], damage: [JournalDamage] = [], lastBackup: Date? = nil,
    incompleteTails: [JournalDamage] = [], medium: ReadOnlyMedium? = nil, slotWarnings: [GAIDeskError] = []
  ) {
    self.slotWarnings = slotWarnings
    self.incompleteTails = incompleteTails
    self.medium = medium
    self.futureDated = futureDated
    self.forks = forks
    self.damage = damage
    self.lastBackup = lastBackup
  }

  /// Whether the office was never backed up, or last more than ``backupDays`` days before `now`.
  public func backupOverdue(now: Date) -> Bool {
    guard let lastBackup else { return true }
    return now.timeIntervalSince(lastBackup) > Double(Self.backupDays) * 86_400
  }

  /// Whole days between the last backup and `now` (nil: never backed up).
  public func daysSinceBackup(now: Date) -> Int? {
    lastBackup.map { max(0, Int(now.timeIntervalSince($0) / 86_400)) }
  }
}

extension Office {
  /// The office's health at `now`: future-dated records, forks, damage, the last backup and the key slots
  /// not trusted.
  public func health(now: Date) -> OfficeHealth {
    OfficeHealth(
      futureDated: futureDatedRecords(now: now).map { OfficeHealth.FutureDay(day: $0.day, count: $0.count) },
      forks: forks, damage: damage, lastBackup: lastBackup, incompleteTails: journal.incompleteTails,
      medium: medium, slotWarnings: slotWarnings)
  }
}

extension Fork {
  /// A fork of `origin` from `sequence`, its other branch in `file` (for tests and reports).
  public init(origin: OriginID, sequence: UInt64, file: String) {
    self.origin = origin
    self.sequence = sequence
    self.file = file
  }
}
