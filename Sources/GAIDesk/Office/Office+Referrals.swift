extension Office {
  /// Refers a visitor to a partner for a topic; refused without consent to share.
  @discardableResult
  public func refer(
    visitorID: String, partner: String, topic: String, due: String?, note: String?, visitID: String? = nil,
    staff: String
  ) throws -> Referral {
    let id = try perform(staff: staff) { context in
      let event = try Office.referral(
        visitorID: visitorID, partner: partner, topic: topic, due: due, note: note, visitID: visitID,
        context: &context)
      guard case .referralCreated(let id, _, _, _, _, _, _) = event else { fatalError("unreachable") }
      return Produced(value: id, events: [event])
    }.value
    return state.referrals[id]!
  }

  /// Checks and builds a referral event (used alone or when closing a visit).
  public static func referral(
    visitorID: String, partner: String, topic: String, due: String?, note: String?, visitID: String?,
    context: inout CommandContext
  ) throws -> Event {
    guard let visitor = context.state.canonicalVisitor(visitorID) else {
      throw GAIDeskError(.visitorUnknown, visitorID)
    }
    guard visitor.consentToShare?.granted == true else {
      throw GAIDeskError(.consentShare, visitor.id)
    }
    let partner = try Validation.name(partner, field: "partner")
    guard let listed = PartnerDirectory(state: context.state).partner(partner) else {
      throw GAIDeskError(.partnerUnknown, partner)
    }
    guard listed.active else { throw GAIDeskError(.partnerRetired, partner) }
    _ = try Validation.topics([topic])
    let due = try Validation.plannedDate(due, field: "due", today: context.today)
    let note = try note.map { try Validation.text($0, field: "note") }
    return .referralCreated(
      referralID: context.newID("R"), visitorID: visitor.id, partner: partner, topic: topic, due: due,
      note: note,
      visitID: visitID)
  }

  /// Moves a referral to `status`; only valid transitions, and a reason for rejections and no-shows.
  @discardableResult
  public func setReferral(
    _ id: String, status: ReferralStatus, reason: ReferralReason? = nil, note: String?, staff: String
  ) throws -> Referral {
    try perform(staff: staff) { context -> [Event] in
      guard let referral = context.state.referrals[id] else {
        throw GAIDeskError(.referralUnknown, id)
      }
      guard !referral.status.isClosed else {
        throw GAIDeskError(.referralClosed, id, referral.status.rawValue)
      }
      guard referral.status.next.contains(status) else {
        throw GAIDeskError(
          .referralTransition, referral.status.rawValue, status.rawValue,
          referral.status.next.map(\.rawValue).joined(separator: ", "))
      }
      if status.needsReason && reason == nil { throw GAIDeskError(.referralReason, status.rawValue) }
      let note = try note.map { try Validation.text($0, field: "note") }
      return [.referralChanged(referralID: id, status: status, reason: reason, note: note)]
    }
    return state.referrals[id]!
  }

  /// Sets a follow-up date for a visitor.
  @discardableResult
  public func addFollowUp(visitorID: String, on date: String, note: String, staff: String) throws -> FollowUp
  {
    let id = try perform(staff: staff) { context in
      guard let visitor = context.state.canonicalVisitor(visitorID) else {
        throw GAIDeskError(.visitorUnknown, visitorID)
      }
      guard let on = try Validation.plannedDate(date, field: "on", today: context.today) else {
        throw GAIDeskError(.fieldEmpty, "on")
      }
      let note = try Validation.text(note, field: "note")
      let id = context.newID("F")
      return Produced(
        value: id, events: [.followUpAdded(followUpID: id, visitorID: visitor.id, on: on, note: note)])
    }.value
    return state.followUps[id]!
  }

  /// Marks a follow-up done.
  @discardableResult
  public func completeFollowUp(_ id: String, staff: String) throws -> FollowUp {
    try perform(staff: staff) { context -> [Event] in
      guard let followUp = context.state.followUps[id] else {
        throw GAIDeskError(.followupUnknown, id)
      }
      guard followUp.doneAt == nil else { throw GAIDeskError(.followupDone, id) }
      return [.followUpDone(followUpID: id)]
    }
    return state.followUps[id]!
  }
}
