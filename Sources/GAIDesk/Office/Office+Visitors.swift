/// What a person types when registering a visitor.
public struct VisitorForm: Sendable, Equatable {
  public var fullName: String
  public var aliases: [String] = []
  public var sex: Sex?
  public var birthYear: Int?
  public var nationality: String?
  public var languages: [String] = []
  public var phone: String?
  public var island: String?
  public var municipality: String?
  public var document: IdentityDocument?
  public var consentToStore: Bool?
  public var consentToShare: Bool?

  /// A form with only a name.
  public init(fullName: String) { self.fullName = fullName }

  /// The form that would register `visitor` as it is (to edit its details; consent answers left out).
  public init(visitor: Visitor) {
    fullName = visitor.fullName
    aliases = visitor.aliases
    sex = visitor.sex
    birthYear = visitor.birthYear
    nationality = visitor.nationality
    languages = visitor.languages
    phone = visitor.phone
    island = visitor.island
    municipality = visitor.municipality
    document = visitor.document
  }
}

extension Office {
  /// Checks a form and turns it into a visitor with `id`.
  static func visitor(from form: VisitorForm, id: String, context: CommandContext) throws -> Visitor {
    var visitor = Visitor(id: id, fullName: try Validation.name(form.fullName))
    visitor.aliases = try form.aliases.map { try Validation.name($0, field: "alias") }
    visitor.sex = form.sex
    visitor.birthYear = try Validation.birthYear(form.birthYear, today: context.today)
    visitor.nationality = try Validation.nationality(form.nationality)
    visitor.languages = try Validation.languages(form.languages)
    visitor.phone = try Validation.phone(form.phone)
    if let municipality = form.municipality {
      guard let place = ReferenceData.shipped.municipality(municipality) else {
        throw GAIDeskError(.fieldMunicipality, municipality)
      }
      visitor.municipality = place.code
      visitor.island = place.island
    } else if let island = form.island {
      guard ReferenceData.shipped.island(island) != nil else {
        throw GAIDeskError(.fieldIsland, island)
      }
      visitor.island = island
    }
    if let document = form.document {
      visitor.document = IdentityDocument(
        type: try Validation.name(document.type, field: "document type"),
        number: try Validation.name(document.number, field: "document number"))
    }
    if let granted = form.consentToStore {
      visitor.consentToStore = Consent(granted: granted, date: context.today, recordedBy: context.staff)
    }
    if let granted = form.consentToShare {
      visitor.consentToShare = Consent(granted: granted, date: context.today, recordedBy: context.staff)
    }
    return visitor
  }

  /// Registers a visitor and returns it.
  @discardableResult
  public func registerVisitor(_ form: VisitorForm, staff: String) throws -> Visitor {
    try perform(staff: staff) { context in
      let visitor = try Office.visitor(from: form, id: context.newID("V"), context: context)
      return Produced(value: visitor, events: [.visitorRegistered(visitor)])
    }.value
  }

  /// Changes a visitor's details to `form`, checked as at registration; only the details that differ are
  /// recorded, so a change made at the same time on another PC to other details is kept too. Consent and merge fields are
  /// kept unless the form gives consent answers (consent has its own command, `recordConsent`).
  @discardableResult
  public func updateVisitor(_ id: String, form: VisitorForm, staff: String) throws -> Visitor {
    try perform(staff: staff) { context in
      guard let old = context.state.visitors[id] else { throw GAIDeskError(.visitorUnknown, id) }
      var visitor = try Office.visitor(from: form, id: id, context: context)
      visitor.birthDate = form.birthYear == old.birthYear ? old.birthDate : nil
      if form.consentToStore == nil { visitor.consentToStore = old.consentToStore }
      if form.consentToShare == nil { visitor.consentToShare = old.consentToShare }
      visitor.mergedInto = old.mergedInto
      let fields = VisitorFields.differing(old, visitor)
      let base = context.state.visitorUpdates[id]?.count ?? 0
      return Produced(value: visitor, events: [.visitorUpdated(visitor, fields: fields, base: base)])
    }.value
  }

  /// Records consent to store and/or to share, dated today.
  public func recordConsent(visitorID: String, store: Bool?, share: Bool?, staff: String) throws {
    try perform(staff: staff) { context -> [Event] in
      guard context.state.visitors[visitorID] != nil else {
        throw GAIDeskError(.visitorUnknown, visitorID)
      }
      guard store != nil || share != nil else { throw GAIDeskError(.consentNothing) }
      let today = context.today
      let make = { (granted: Bool?) in granted.map { Consent(granted: $0, date: today, recordedBy: staff) } }
      return [.consentRecorded(visitorID: visitorID, store: make(store), share: make(share))]
    }
  }
}

/// A command's events together with a value for the caller.
public struct Produced<Value>: EventsProducing {
  /// The value for the caller.
  public let value: Value
  /// The events to record.
  public let events: [Event]

  /// Pairs a value with events.
  public init(value: Value, events: [Event]) {
    self.value = value
    self.events = events
  }
}

extension Office {
  /// Registered visitors who are probably the person in `form`, found through the office's search index
  /// (``visitorSearch(keeping:)``; the desk calls `duplicates(of:in:)` on the index it holds).
  public func possibleDuplicates(of form: VisitorForm) -> [DuplicateCandidate] {
    visitorSearch().duplicates(of: form, in: state)
  }

  /// Merges record `other` into `keep` (two records of one person): `other` is hidden from searches and its
  /// visits, referrals and follow-ups show under `keep`. Nothing is deleted; `unmergeVisitors` undoes it.
  public func mergeVisitors(keep: String, other: String, staff: String) throws {
    try authorize(.mergeVisitors, staff: staff)
    try perform(staff: staff) { context -> [Event] in
      let state = context.state
      guard let kept = state.visitors[keep] else { throw GAIDeskError(.visitorUnknown, keep) }
      guard let merged = state.visitors[other] else { throw GAIDeskError(.visitorUnknown, other) }
      guard keep != other else { throw GAIDeskError(.mergeSame, keep) }
      if let into = kept.mergedInto { throw GAIDeskError(.mergeKeepMerged, keep, into) }
      if let into = merged.mergedInto { throw GAIDeskError(.mergeAlready, other, into) }
      return [.visitorsMerged(keep: keep, other: other)]
    }
  }

  /// Undoes a merge of `other` into `keep`; both records are separate again, with their own histories.
  public func unmergeVisitors(keep: String, other: String, staff: String) throws {
    try authorize(.mergeVisitors, staff: staff)
    try perform(staff: staff) { context -> [Event] in
      guard context.state.visitors[keep] != nil else { throw GAIDeskError(.visitorUnknown, keep) }
      guard let merged = context.state.visitors[other] else {
        throw GAIDeskError(.visitorUnknown, other)
      }
      guard merged.mergedInto == keep else { throw GAIDeskError(.mergeNotMerged, other, keep) }
      return [.visitorsUnmerged(keep: keep, other: other)]
    }
  }
}
