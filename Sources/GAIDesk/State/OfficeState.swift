/// The office as the journal says it is now: a deterministic fold over every event.
public struct OfficeState: Sendable {
  /// The office's municipality code.
  public internal(set) var office: String?
  /// Visitors by id, in registration order (merged records included, with `mergedInto` set).
  public internal(set) var visitors = EntityTable<Visitor>()
  /// Per visitor, the details each update set, in fold order (an update's `base` counts them).
  public internal(set) var visitorUpdates: [String: [VisitorFields]] = [:]
  /// Changes of the same details made without seeing each other: the overwritten side, for review.
  public internal(set) var visitorConflicts: [VisitorConflict] = []
  /// Visitor ids in registration order.
  public internal(set) var visitorOrder: [String] = []
  /// Visits by id, in the order their arrivals were folded (compact rows, read like a dictionary).
  public internal(set) var visits = VisitTable()
  /// Referrals by id, in creation order.
  public internal(set) var referrals = EntityTable<Referral>()
  /// Referral ids in creation order.
  public internal(set) var referralOrder: [String] = []
  /// Follow-ups by id, in creation order.
  public internal(set) var followUps = EntityTable<FollowUp>()
  /// Follow-up ids in creation order.
  public internal(set) var followUpOrder: [String] = []
  /// The office's own partner records (added, edited or retired), by code.
  public internal(set) var officePartners: [String: Partner] = [:]
  /// Codes of `officePartners` in the order they first appeared.
  public internal(set) var partnerOrder: [String] = []
  /// The office's versions of knowledge sheets, by topic.
  public internal(set) var officeSheets: [String: KnowledgeSheet] = [:]
  /// The latest local confirmation of each sheet line or partner entry, by subject key.
  public internal(set) var confirmations: [String: LocalConfirmation] = [:]
  /// Events of unknown types or versions kept (written by newer programs).
  public internal(set) var unknownEvents = 0
  /// Records applied.
  public internal(set) var recordCount = 0
  /// Events applied.
  public internal(set) var eventCount = 0
  /// Records per local day of their wall time (to find records dated in the future).
  public internal(set) var recordsPerDay: [String: Int] {
    get {
      guard countedDay.pending > 0 else { return countedDays }
      var days = countedDays
      days[countedDay.name, default: 0] += countedDay.pending
      return days
    }
    set {
      countedDays = newValue
      countedDay = (Int.min, "", 0)
    }
  }
  /// Ids a fork's other branch had given, to the ids they have now.
  public internal(set) var remappedIDs: [String: String] = [:]
  /// Missing history a supervisor accepted as lost: origin → last sequence accepted.
  public internal(set) var acceptedLoss: [OriginID: UInt64] = [:]
  /// The office's accounts and key epochs.
  public internal(set) var accounts = AccountBook()
  /// The latest wall time of any record but those holding only account changes.
  public internal(set) var latestWall: WallTime?
  /// When desks lock and wipe their keys (the latest change of each field, in canonical order).
  public internal(set) var lockTimes = LockTimes.standard

  /// ``recordsPerDay`` but for the records of `countedDay` not added to it yet.
  private var countedDays: [String: Int] = [:]
  /// The local day (days since 1970) of the last record counted, its name, and how many of its records are
  /// not in `countedDays` yet: records come in days, so most of them neither format their day nor look it up.
  private var countedDay = (index: Int.min, name: "", pending: 0)

  /// An empty office.
  public init() {}

  /// The records counted on each local day after `day`, in day order, read without copying
  /// ``recordsPerDay`` (the health report asks after every write).
  func recordsPerDay(after day: String) -> [(day: String, count: Int)] {
    var later = countedDays.filter { $0.key > day }
    if countedDay.pending > 0, countedDay.name > day {
      later[countedDay.name, default: 0] += countedDay.pending
    }
    return later.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// Counts a record written at `time` in `recordsPerDay`.
  mutating func countRecord(on time: WallTime) {
    let seconds = Int(time.milliseconds / 1000) + LocalTime.offsetSeconds
    let index = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400)
    if index != countedDay.index {
      if countedDay.pending > 0 { countedDays[countedDay.name, default: 0] += countedDay.pending }
      countedDay = (index, LocalTime.day(time), 0)
    }
    countedDay.pending += 1
  }

  /// Applies one record's events, written at wall time `time`.
  public mutating func apply(_ batch: EventBatch, time: WallTime) {
    recordCount += 1
    countRecord(on: time)
    // Account changes (an office's first record names its accounts) do not date the desk's history.
    if !batch.events.allSatisfy(\.isAccountChange), latestWall.map({ time > $0 }) ?? true {
      latestWall = time
    }
    for event in batch.events {
      eventCount += 1
      apply(event, time: time, staff: batch.staff, office: batch.office)
    }
  }

  mutating func apply(_ event: Event, time: WallTime, staff: String, office: String) {
    switch event {
    case .officeCreated(let code):
      if self.office == nil { self.office = code }
    // Entities are found by one hash of their id's number (`EntityTable`) and change in place.
    case .visitorRegistered(let visitor):
      guard visitors.insertNew(visitor, id: visitor.id) else { return }
      visitorOrder.append(visitor.id)
    case .visitorUpdated(let update, let fields, let base):
      guard let visitor = visitors[update.id] else { return }
      let history = visitorUpdates[update.id, default: []]
      if base < history.count {
        let concurrent = history[base...].reduce(VisitorFields()) { $0.union($1) }.intersection(fields)
        if !concurrent.isEmpty {
          visitorConflicts.append(
            VisitorConflict(
              visitorID: update.id, fields: concurrent, overwritten: visitor, keptBy: staff, keptAt: time))
        }
      }
      visitors.modify(update.id) { fields.copy(from: update, into: &$0) }
      visitorUpdates[update.id, default: []].append(fields)
    case .consentRecorded(let id, let store, let share):
      visitors.modify(id) { visitor in
        if let store { visitor.consentToStore = store }
        if let share { visitor.consentToShare = share }
      }
    // Visits are rows found by one hash of their id's number; they change in place.
    case .visitArrived(let id, let visitorID, let day, let number, let letter):
      _ = visits.arrive(
        id: id, visitorID: visitorID, day: day, number: number, letter: letter, office: office, at: time,
        by: staff)
    case .visitCalled(let id, let desk):
      guard let row = visits.row(of: id), visits.status(row) == .waiting else { return }
      visits.call(row, at: time, desk: desk, by: staff)
    case .visitClosed(let id, let topics, let outcome, let note):
      guard let row = visits.row(of: id), visits.status(row).isOpen else { return }
      visits.close(row, at: time, topics: topics, outcome: outcome, note: note, by: staff)
    case .visitLeft(let id):
      guard let row = visits.row(of: id), visits.status(row).isOpen else { return }
      visits.leave(row, at: time)
    case .visitReopened(let id, let leftAt):
      guard let row = visits.row(of: id),
        VisitReopening.undoes(leftAt, visit: visits.visit(at: row), at: time)
      else { return }
      visits.reopen(row)
    case .visitReturned(let id, let calledAt):
      guard let row = visits.row(of: id), VisitReturning.undoes(calledAt, visit: visits.visit(at: row)) else {
        return
      }
      visits.uncall(row)
    case .referralCreated(let id, let visitorID, let partner, let topic, let due, let note, let visitID):
      let referral = Referral(
        id: id, visitorID: visitorID, partner: partner, topic: topic, due: due, note: note, visitID: visitID,
        createdAt: time, createdBy: staff)
      guard referrals.insertNew(referral, id: id) else { return }
      referralOrder.append(id)
    case .referralChanged(let id, let status, let reason, let note):
      referrals.modify(id) {
        $0.history.append(ReferralChange(status: status, reason: reason, note: note, at: time, by: staff))
      }
    case .followUpAdded(let id, let visitorID, let on, let note):
      let followUp = FollowUp(id: id, visitorID: visitorID, on: on, note: note, createdBy: staff)
      guard followUps.insertNew(followUp, id: id) else { return }
      followUpOrder.append(id)
    case .followUpDone(let id):
      followUps.modify(id) { followUp in
        guard followUp.doneAt == nil else { return }
        followUp.doneAt = time
        followUp.doneBy = staff
      }
    case .visitorsMerged(let keep, let other):
      // Never a cycle: a record is not merged into one that (through merges) lives in it.
      guard visitors[keep] != nil, visitors[other] != nil, keep != other,
        canonicalVisitor(keep)?.id != other, visitors[other]?.mergedInto == nil
      else { return }
      visitors.modify(other) { $0.mergedInto = keep }
    case .visitorsUnmerged(let keep, let other):
      if visitors[other]?.mergedInto == keep { visitors.modify(other) { $0.mergedInto = nil } }
    case .partnerAdded(let partner), .partnerUpdated(let partner):
      if officePartners[partner.code] == nil { partnerOrder.append(partner.code) }
      officePartners[partner.code] = partner
    case .partnerRetired(let code):
      guard var partner = officePartners[code] ?? PartnerDirectory.shipped.first(where: { $0.code == code })
      else {
        return
      }
      if officePartners[code] == nil { partnerOrder.append(code) }
      partner.active = false
      officePartners[code] = partner
    case .sheetUpdated(var sheet):
      sheet.reviewedBy = staff
      officeSheets[sheet.topic] = sheet
    case .historyLossAccepted(let hex, let through):
      if let id = OriginID(hex: hex), through > acceptedLoss[id, default: 0] { acceptedLoss[id] = through }
    case .knowledgeConfirmed(let subject, let method, let day, let note):
      let confirmation = LocalConfirmation(
        subject: subject, method: method, note: note, by: staff, day: day, at: time)
      if let known = confirmations[subject.key], known.isLater(than: confirmation) { return }
      confirmations[subject.key] = confirmation
    case .idsRemapped(_, let map):
      for change in map { remappedIDs[change.old] = change.new }
    case .accountAdded(let account):
      accounts.add(account)
    case .accountRemoved(let id):
      accounts.accounts[id]?.removed = true
    case .accountRoleChanged(let id, let role):
      accounts.accounts[id]?.role = role
    case .accountSlotReplaced(let id, let slot):
      accounts.accounts[id]?.slot = slot
    case .epochStarted(let start):
      accounts.start(start)
    case .lockTimesChanged(let change):
      lockTimes = change.applied(to: lockTimes)
    case .unknown:
      unknownEvents += 1
    }
  }
}

extension OfficeState {
  /// The visits of local day `day`, in arrival order.
  public func visits(on day: String) -> [Visit] { visits.visits(on: day) }

  /// Visit ids per local day, in arrival order.
  public var visitsByDay: VisitGroups { VisitGroups(table: visits, key: .day) }

  /// Visit ids per visitor, in arrival order.
  public var visitsByVisitor: VisitGroups { VisitGroups(table: visits, key: .visitor) }

  /// Referrals in creation order.
  public var allReferrals: [Referral] { referrals.values }

  /// Follow-ups in creation order.
  public var allFollowUps: [FollowUp] { followUps.values }

  /// The record a merged visitor now lives in (following merges).
  public func canonicalVisitor(_ id: String) -> Visitor? {
    var current = visitors[id]
    var hops = 0
    while let next = current?.mergedInto, hops < 16 {
      current = visitors[next]
      hops += 1
    }
    return current
  }

  /// Every visitor id that belongs to the same person as `id` (the record itself and those merged into it,
  /// directly or through other merged records).
  public func mergedGroup(_ id: String) -> [String] {
    var group = [id]
    var index = 0
    while index < group.count {
      let current = group[index]
      for other in visitors.values where other.mergedInto == current && !group.contains(other.id) {
        group.append(other.id)
      }
      index += 1
    }
    return group
  }
}
