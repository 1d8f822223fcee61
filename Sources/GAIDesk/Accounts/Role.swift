/// What a person may do in the office: front desk, supervisor or administrator.
public enum StaffRole: String, CaseIterable, Codable, Sendable {
  case frontDesk = "front-desk"
  case supervisor
  case administrator

  /// Whether this role may perform `action` (the one matrix in `Permissions`).
  public func may(_ action: Action) -> Bool { Permissions.matrix[self]!.contains(action) }
}

/// Something the office lets only some roles do; every operation that does it asks `Permissions`.
public enum Action: String, CaseIterable, Sendable {
  /// Register visitors, serve the queue, record visits, referrals, follow-ups and consent.
  case deskWork = "desk-work"
  /// Open the supervisor's figures: the day's report, the month, overdue referrals.
  case supervisorFigures = "supervisor-figures"
  /// Export or print reports (the month's figures for the AAI).
  case exportReports = "export-reports"
  /// Add, edit, retire or confirm partners of the directory.
  case editPartners = "edit-partners"
  /// Edit, review or confirm knowledge sheets.
  case editSheets = "edit-sheets"
  /// Merge two records of one person, or undo a merge.
  case mergeVisitors = "merge-visitors"
  /// Accept lost history and resolve forks (`verify --accept-missing`, `fork resolve`).
  case repairHistory = "repair-history"
  /// Add and remove accounts, change their roles.
  case manageAccounts = "manage-accounts"
  /// Change when desks lock and wipe their keys (`settings lock`).
  case setLockTimes = "set-lock-times"
}

/// The role × action matrix (docs/ROLES.md holds the same table; a test walks it cell by cell).
public enum Permissions {
  /// The actions each role may perform.
  public static let matrix: [StaffRole: Set<Action>] = [
    .frontDesk: [.deskWork],
    .supervisor: Set(Action.allCases).subtracting([.manageAccounts, .setLockTimes]),
    .administrator: Set(Action.allCases),
  ]

  /// The roles that may perform `action`, lowest first.
  public static func roles(for action: Action) -> [StaffRole] { StaffRole.allCases.filter { $0.may(action) } }
}
