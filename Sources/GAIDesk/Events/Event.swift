/// A fact recorded in the journal. Who, where and when come from the record that carries it.
public enum Event: Equatable, Sendable {
  /// The office was created for a municipality.
  case officeCreated(office: String)
  /// A visitor was registered.
  case visitorRegistered(Visitor)
  /// Some of a visitor's details were changed: `fields` are taken from `visitor`, the others kept. `base` is
  /// how many updates of this visitor its writer had seen (to show changes made without seeing each other).
  case visitorUpdated(Visitor, fields: VisitorFields, base: Int)
  /// Consent to store and/or share was recorded.
  case consentRecorded(visitorID: String, store: Consent?, share: Consent?)
  /// A visitor arrived and took a ticket.
  /// (`letter` tells apart the tickets of two PCs of one office; "A" for arrivals recorded before it.)
  case visitArrived(visitID: String, visitorID: String, day: String, number: Int, letter: String = "A")
  /// A ticket was called to a desk.
  case visitCalled(visitID: String, desk: String?)
  /// A visit was served and closed.
  case visitClosed(visitID: String, topics: [String], outcome: String?, note: String?)
  /// A visitor left without service.
  case visitLeft(visitID: String)
  /// "Left without service" was undone: the visit leaves at `leftAt` (the wall time of the record that
  /// marked it) goes back to the queue as it was. Folded only while the visit is still left by that record
  /// and within ``VisitReopening/window`` of it.
  case visitReopened(visitID: String, leftAt: WallTime)
  /// A call was undone (the visitor was called by mistake): the visit called at `calledAt` (the wall time of
  /// the record that called it) goes back to the queue as it was before that call. Folded only while the
  /// visit is still called by that record (``VisitReturning``).
  case visitReturned(visitID: String, calledAt: WallTime)
  /// A referral was made.
  case referralCreated(
    referralID: String, visitorID: String, partner: String, topic: String, due: String?, note: String?,
    visitID: String?)
  /// A referral's status changed.
  case referralChanged(referralID: String, status: ReferralStatus, reason: ReferralReason?, note: String?)
  /// A follow-up was set.
  case followUpAdded(followUpID: String, visitorID: String, on: String, note: String)
  /// A follow-up was done.
  case followUpDone(followUpID: String)
  /// Two records of one person were merged: `other` now points to `keep`.
  case visitorsMerged(keep: String, other: String)
  /// A merge was undone.
  case visitorsUnmerged(keep: String, other: String)
  /// The office added a partner to its directory.
  case partnerAdded(Partner)
  /// The office changed a partner's details (shipped or its own).
  case partnerUpdated(Partner)
  /// The office stopped referring to a partner (past referrals keep it).
  case partnerRetired(code: String)
  /// The office's version of a topic's knowledge sheet (edited or reviewed).
  case sheetUpdated(KnowledgeSheet)
  /// A supervisor accepted that records `..through` of an origin (hex) are lost (a deliberate restore of an
  /// older copy): the journal stops refusing writes for them.
  case historyLossAccepted(origin: String, through: UInt64)
  /// A supervisor confirmed a sheet line or a partner's entry with the service itself.
  case knowledgeConfirmed(subject: KnowledgeSubject, method: ConfirmationMethod, day: String, note: String?)
  /// A fork's other branch was recorded again under another origin: each entity id it had created (old)
  /// now has a new id. Kept so a slip or a note that names an old id can still be followed.
  case idsRemapped(origin: String, map: [IDChange])
  /// An administrator added an account (its key slot travels with the event).
  case accountAdded(Account)
  /// An administrator removed an account: its slot is deleted wherever the event is folded.
  case accountRemoved(id: String)
  /// An administrator changed an account's role.
  case accountRoleChanged(id: String, role: StaffRole)
  /// A person changed their passphrase: the account's slot is replaced.
  case accountSlotReplaced(id: String, slot: [UInt8])
  /// A new key epoch started, its key wrapped to every remaining account. Sealed under the epoch before it, so
  /// every PC holding that epoch learns the new one.
  case epochStarted(EpochStart)
  /// An administrator changed when desks lock and wipe their keys; fields left nil keep their value.
  case lockTimesChanged(LockTimesChange)
  /// An event of a type or version this program does not know, kept as it was and passed on.
  case unknown(type: UInt16, version: UInt16, body: [UInt8])
}

/// Every event type with its fixed number in the journal and the newest schema version this program writes.
/// Numbers are never reused or changed; a new type takes the next free number.
public enum EventType: UInt16, CaseIterable, Sendable {
  case officeCreated = 1
  case visitorRegistered = 2
  case visitorUpdated = 3
  case consentRecorded = 4
  case visitArrived = 5
  case visitCalled = 6
  case visitClosed = 7
  case visitLeft = 8
  case referralCreated = 9
  case referralChanged = 10
  case followUpAdded = 11
  case followUpDone = 12
  case visitorsMerged = 13
  case visitorsUnmerged = 14
  case partnerAdded = 20
  case partnerUpdated = 21
  case partnerRetired = 22
  case sheetUpdated = 23
  case historyLossAccepted = 30
  case knowledgeConfirmed = 31
  case idsRemapped = 32
  case visitReopened = 33
  case visitReturned = 34
  case accountAdded = 40
  case accountRemoved = 41
  case accountRoleChanged = 42
  case accountSlotReplaced = 43
  case epochStarted = 44
  case lockTimesChanged = 50

  /// The schema version this program writes (and the newest it reads) for the type.
  public var version: UInt16 {
    switch self {
    case .visitorUpdated: 2
    default: 1
    }
  }
}

/// One entity id given anew when a fork's other branch was recorded again.
public struct IDChange: Equatable, Sendable {
  /// The id the other branch had given.
  public var old: String
  /// The id it has now.
  public var new: String

  /// Creates an id change.
  public init(old: String, new: String) {
    self.old = old
    self.new = new
  }
}

/// The payload of one record: the events of one command, who did it and in which office.
public struct EventBatch: Equatable, Sendable {
  /// The staff member who acted.
  public var staff: String
  /// The office code.
  public var office: String
  /// The events, applied in order.
  public var events: [Event]

  /// Creates a batch.
  public init(staff: String, office: String, events: [Event]) {
    self.staff = staff
    self.office = office
    self.events = events
  }
}
