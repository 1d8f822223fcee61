import Foundation

/// Everything recorded when a visit is closed: topics, outcome, note, referrals and a follow-up.
public struct VisitClosing: Equatable, Sendable {
  /// A referral made while closing: a partner, the topic referred and a due date.
  public struct Referral: Equatable, Sendable {
    /// The partner's code.
    public var partner: String
    /// The topic referred.
    public var topic: String
    /// The due date (YYYY-MM-DD), if any.
    public var due: String?

    /// Creates a referral request.
    public init(partner: String, topic: String, due: String? = nil) {
      self.partner = partner
      self.topic = topic
      self.due = due
    }
  }

  /// The visit: a ticket of today (`A-007`) or a visit id.
  public var visit: String
  /// Topic codes, at least one.
  public var topics: [String]
  /// The outcome in a few words.
  public var outcome: String?
  /// A free note.
  public var note: String?
  /// Referrals made, one per partner.
  public var referrals: [Referral]
  /// The follow-up date (YYYY-MM-DD), if any.
  public var followUp: String?
  /// The language of the follow-up's note (the topics' names).
  public var language: Language
  /// The call being served (a serve screen's): the close is refused once the visit is no longer called by it
  /// (put back in the queue, or called again since). Nil closes the visit whether called or waiting.
  public var call: WallTime?

  /// Creates a closing.
  public init(
    visit: String, topics: [String], outcome: String? = nil, note: String? = nil, referrals: [Referral] = [],
    followUp: String? = nil, language: Language = .portuguese, call: WallTime? = nil
  ) {
    self.visit = visit
    self.topics = topics
    self.outcome = outcome
    self.note = note
    self.referrals = referrals
    self.followUp = followUp
    self.language = language
    self.call = call
  }
}

/// What closing a visit recorded.
public struct ClosedVisit: Equatable, Sendable {
  /// The visit, closed.
  public let visit: Visit
  /// The referrals made, in the order asked.
  public let referralIDs: [String]
  /// The follow-up set, if any.
  public let followUpID: String?
}

extension Office {
  /// Closes a visit with its topics, outcome, note, referrals (consent to share required) and follow-up in
  /// one durable record: the one rule the command line and the interface both use.
  @discardableResult
  public func closeVisit(_ closing: VisitClosing, staff: String) throws -> ClosedVisit {
    let result = try perform(staff: staff) { context -> Produced<(String, [String], String?)> in
      let visit = try Office.visit(closing.visit, in: context)
      guard visit.status == .waiting || visit.status == .called else {
        throw GAIDeskError(.visitClosed, visit.ticket)
      }
      if let call = closing.call, !VisitReturning.isCalled(visit, by: call) {
        throw GAIDeskError(.visitCallChanged, visit.ticket)
      }
      guard !closing.topics.isEmpty else { throw GAIDeskError(.visitNoTopic) }
      let topics = try Validation.topics(closing.topics)
      var events: [Event] = [
        .visitClosed(
          visitID: visit.id, topics: topics,
          outcome: try Office.filled(closing.outcome).map {
            try Validation.text($0, field: "outcome", limit: 200, allowNewlines: false)
          },
          note: try Office.filled(closing.note).map { try Validation.text($0, field: "note") })
      ]
      var referralIDs: [String] = []
      for referral in closing.referrals {
        // A referral is for one of the visit's own topics (the slip and the figures name it).
        guard topics.contains(referral.topic) else {
          throw GAIDeskError(.visitReferralTopic, referral.partner, referral.topic)
        }
        let event = try Office.referral(
          visitorID: visit.visitorID, partner: referral.partner, topic: referral.topic, due: referral.due,
          note: nil, visitID: visit.id, context: &context)
        try Validation.notPast(referral.due, field: "due", today: context.today)
        if case .referralCreated(let id, _, _, _, _, _, _) = event { referralIDs.append(id) }
        events.append(event)
      }
      var followUpID: String?
      if let on = try Validation.plannedDate(closing.followUp, field: "follow-up", today: context.today) {
        try Validation.notPast(on, field: "follow-up", today: context.today)
        let id = context.newID("F")
        let note = topics.map { ReferenceData.shipped.topic($0)?.label(closing.language) ?? $0 }
        let visitor = context.state.canonicalVisitor(visit.visitorID)?.id ?? visit.visitorID
        events.append(
          .followUpAdded(followUpID: id, visitorID: visitor, on: on, note: note.joined(separator: "; ")))
        followUpID = id
      }
      return Produced(value: (visit.id, referralIDs, followUpID), events: events)
    }.value
    return ClosedVisit(visit: state.visits[result.0]!, referralIDs: result.1, followUpID: result.2)
  }

  /// The text trimmed, or nil when nothing is left.
  static func filled(_ text: String?) -> String? {
    guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
      return nil
    }
    return trimmed
  }
}
