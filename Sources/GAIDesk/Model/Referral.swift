/// A referral of a visitor to a partner service, followed until it closes.
public struct Referral: Equatable, Sendable {
  /// Stable id, e.g. `R-K7QD-20`.
  public var id: String
  /// The visitor referred.
  public var visitorID: String
  /// The partner's code.
  public var partner: String
  /// The topic code.
  public var topic: String
  /// Due date (YYYY-MM-DD), when set.
  public var due: String?
  /// Free note.
  public var note: String?
  /// The visit it was made in, if any.
  public var visitID: String?
  /// When it was made.
  public var createdAt: WallTime
  /// Who made it.
  public var createdBy: String
  /// Every status change, oldest first (the first is `created`).
  public var history: [ReferralChange]

  /// The current status.
  public var status: ReferralStatus { history.last?.status ?? .created }

  /// Creates a referral in status `created`.
  public init(
    id: String, visitorID: String, partner: String, topic: String, due: String?, note: String?,
    visitID: String?, createdAt: WallTime, createdBy: String
  ) {
    self.id = id
    self.visitorID = visitorID
    self.partner = partner
    self.topic = topic
    self.due = due
    self.note = note
    self.visitID = visitID
    self.createdAt = createdAt
    self.createdBy = createdBy
    history = [ReferralChange(status: .created, reason: nil, note: nil, at: createdAt, by: createdBy)]
  }

  /// Its status as `day` (YYYY-MM-DD) ended: the last change made by then.
  public func status(endOf day: String) -> ReferralStatus {
    history.last { LocalTime.day($0.at) <= day }?.status ?? .created
  }

  /// Whether, as `day` ended, it had been made, was past its due date and was not closed: the one overdue
  /// rule of the day report, the supervisor's tabs and the CLI.
  public func isOverdue(endOf day: String) -> Bool {
    guard let due, due < day, LocalTime.day(createdAt) <= day else { return false }
    return !status(endOf: day).isClosed
  }
}

/// One change of a referral's status.
public struct ReferralChange: Equatable, Sendable {
  /// The new status.
  public var status: ReferralStatus
  /// Why, for rejections and no-shows.
  public var reason: ReferralReason?
  /// Free note.
  public var note: String?
  /// When.
  public var at: WallTime
  /// Who.
  public var by: String
}

/// A referral's life: created → sent → accepted → completed, or closed otherwise.
public enum ReferralStatus: String, Sendable, CaseIterable {
  case created, sent, accepted, completed, rejected
  case noShow = "no-show"
  case cancelled

  /// The statuses this one may move to.
  public var next: [ReferralStatus] {
    switch self {
    case .created: [.sent, .cancelled]
    case .sent: [.accepted, .rejected, .noShow, .cancelled]
    case .accepted: [.completed, .noShow, .cancelled]
    case .completed, .rejected, .noShow, .cancelled: []
    }
  }

  /// Whether nothing more is expected.
  public var isClosed: Bool { next.isEmpty }
  /// Whether the change needs a reason.
  public var needsReason: Bool { self == .rejected || self == .noShow }
}

/// Why a referral was rejected or the visitor did not show up.
public enum ReferralReason: String, Sendable, CaseIterable {
  case clientDeclined = "client-declined"
  case partnerCapacity = "partner-capacity"
  case couldNotContact = "could-not-contact"
  case notEligible = "not-eligible"
  case other
}

/// A date on which someone should check on a visitor.
public struct FollowUp: Equatable, Sendable {
  /// Stable id, e.g. `F-K7QD-21`.
  public var id: String
  /// The visitor.
  public var visitorID: String
  /// The day to follow up (YYYY-MM-DD).
  public var on: String
  /// What to check.
  public var note: String
  /// Who set it.
  public var createdBy: String
  /// When it was done, if it was.
  public var doneAt: WallTime?
  /// Who did it.
  public var doneBy: String?
}
