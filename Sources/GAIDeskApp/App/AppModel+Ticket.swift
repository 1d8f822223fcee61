import GAIDesk

extension AppModel {
  /// Issuing a ticket to a registered visitor: at once, or, while the person still holds an open ticket (the
  /// core's rule, ``OfficeState/openTickets(of:on:)``), after asking whether a second one is meant.
  func ticket(for visitorID: String) -> Reaction {
    if let open = state.openTickets(of: visitorID, on: today).first {
      return Reaction(navigation: .overlay(.confirmSecondTicket(visitorID: visitorID, visitID: open.id)))
    }
    return Reaction([.arrive(visitorID: visitorID)])
  }
}
