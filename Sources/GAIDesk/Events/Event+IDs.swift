extension Event {
  /// Whether the event changes accounts or key epochs (events 40–44).
  var isAccountChange: Bool {
    switch self {
    case .accountAdded, .accountRemoved, .accountRoleChanged, .accountSlotReplaced, .epochStarted: true
    default: false
    }
  }

  /// The id of the entity this event creates, with its kind letter (V, T, R, F), if it creates one.
  var createdID: String? {
    switch self {
    case .visitorRegistered(let visitor): visitor.id
    case .visitArrived(let id, _, _, _, _), .referralCreated(let id, _, _, _, _, _, _),
      .followUpAdded(let id, _, _, _):
      id
    default: nil
    }
  }

  /// The event with every entity id found in `map` replaced (the ids it creates and those it refers to).
  func remappingIDs(_ map: [String: String]) -> Event {
    func m(_ id: String) -> String { map[id] ?? id }
    func visitor(_ v: Visitor) -> Visitor {
      var v = v
      v.id = m(v.id)
      v.mergedInto = v.mergedInto.map(m)
      return v
    }
    switch self {
    case .officeCreated, .partnerAdded, .partnerUpdated, .partnerRetired, .sheetUpdated, .historyLossAccepted,
      .knowledgeConfirmed, .idsRemapped, .accountAdded, .accountRemoved, .accountRoleChanged,
      .accountSlotReplaced,
      .epochStarted, .lockTimesChanged, .unknown:
      return self
    case .visitorRegistered(let v): return .visitorRegistered(visitor(v))
    case .visitorUpdated(let v, let fields, let base):
      return .visitorUpdated(visitor(v), fields: fields, base: base)
    case .consentRecorded(let id, let store, let share):
      return .consentRecorded(visitorID: m(id), store: store, share: share)
    case .visitArrived(let id, let visitorID, let day, let number, let letter):
      return .visitArrived(visitID: m(id), visitorID: m(visitorID), day: day, number: number, letter: letter)
    case .visitCalled(let id, let desk): return .visitCalled(visitID: m(id), desk: desk)
    case .visitClosed(let id, let topics, let outcome, let note):
      return .visitClosed(visitID: m(id), topics: topics, outcome: outcome, note: note)
    case .visitLeft(let id): return .visitLeft(visitID: m(id))
    case .visitReopened(let id, let leftAt): return .visitReopened(visitID: m(id), leftAt: leftAt)
    case .visitReturned(let id, let calledAt): return .visitReturned(visitID: m(id), calledAt: calledAt)
    case .referralCreated(let id, let visitorID, let partner, let topic, let due, let note, let visitID):
      return .referralCreated(
        referralID: m(id), visitorID: m(visitorID), partner: partner, topic: topic, due: due, note: note,
        visitID: visitID.map(m))
    case .referralChanged(let id, let status, let reason, let note):
      return .referralChanged(referralID: m(id), status: status, reason: reason, note: note)
    case .followUpAdded(let id, let visitorID, let on, let note):
      return .followUpAdded(followUpID: m(id), visitorID: m(visitorID), on: on, note: note)
    case .followUpDone(let id): return .followUpDone(followUpID: m(id))
    case .visitorsMerged(let keep, let other): return .visitorsMerged(keep: m(keep), other: m(other))
    case .visitorsUnmerged(let keep, let other): return .visitorsUnmerged(keep: m(keep), other: m(other))
    }
  }
}
