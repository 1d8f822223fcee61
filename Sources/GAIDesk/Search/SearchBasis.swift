import Crypto

/// What a search index is known to be current with, so that bringing it up to date checks only what may have
/// changed: a base state (a snapshot's, named by `tag`, a digest of the records it folded) plus the visitors
/// touched by the records folded on top of it, each in turn after the others. An index current with one basis
/// and a state of another basis with the same tag differ at most in the visitors either touched and in those
/// registered after the base state's first `visitors`; with another tag, anything may differ.
public struct SearchBasis: Equatable, Sendable {
  /// SHA-256 naming the base state (`Office.searchBasisNow()`): the records it folded and its counts.
  let tag: [UInt8]
  /// How many visitors the base state had registered (its `visitorOrder.count`).
  let visitors: Int
  /// Visitors whose searched details or registration the records folded since may have changed.
  private(set) var touched: Set<String>

  /// The basis of a base state named `tag` with `visitors` registered and `touched` changed since (an office
  /// makes its own: ``Office/searchBasisNow()``; benchmarks and tests make others).
  @_spi(Testing) public init(tag: [UInt8], visitors: Int, touched: Set<String> = []) {
    self.tag = tag
    self.visitors = visitors
    self.touched = touched
  }

  /// Takes the visitors `events`, folded on top of the state, may change.
  mutating func note(_ events: [Event]) {
    for event in events {
      if let id = SearchBasis.visitorTouched(by: event) { touched.insert(id) }
    }
  }

  /// The visitor whose searched details (full name, aliases, phone, document number) or place in the
  /// registration order `event` may change when folded (`OfficeState.apply`); nil for an event that changes
  /// none (merges change only `mergedInto`, which the index reads from the state at every search). A new event
  /// must be sorted here: the switch has no default.
  static func visitorTouched(by event: Event) -> String? {
    switch event {
    case .visitorRegistered(let visitor): visitor.id
    case .visitorUpdated(let visitor, _, _): visitor.id
    case .officeCreated, .consentRecorded, .visitArrived, .visitCalled, .visitClosed, .visitLeft,
      .visitReopened, .visitReturned,
      .referralCreated, .referralChanged, .followUpAdded, .followUpDone, .visitorsMerged, .visitorsUnmerged,
      .partnerAdded, .partnerUpdated, .partnerRetired, .sheetUpdated, .historyLossAccepted,
      .knowledgeConfirmed,
      .idsRemapped, .accountAdded, .accountRemoved, .accountRoleChanged, .accountSlotReplaced, .epochStarted,
      .lockTimesChanged, .unknown:
      nil
    }
  }
}
