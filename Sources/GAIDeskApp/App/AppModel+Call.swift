import GAIDesk
import TerminalUI

extension AppModel {
  /// Calling `visitID` (the longest-waiting ticket when nil) to this desk: at once, or, while the desk still has
  /// a ticket called (the core's rule, ``OfficeState/called(atDesk:on:)``), after asking.
  func call(_ visitID: String?) -> Reaction {
    if let held = state.called(atDesk: desk, on: today).first {
      return Reaction(navigation: .overlay(.confirmSecondCall(visitID: visitID, heldID: held.id)))
    }
    return Reaction([callEffect(visitID, again: false)])
  }

  private func callEffect(_ visitID: String?, again: Bool) -> Effect {
    visitID.map { .call(visitID: $0, desk: desk, again: again) } ?? .callNext(desk: desk, again: again)
  }

  /// The answer to "this desk still has a ticket called": yes calls all the same, N serves the held ticket, Esc
  /// calls nothing.
  mutating func secondCallKey(_ key: KeyEvent, visitID: String?, heldID: String) -> [Effect] {
    if Self.isLetterYes(key) {
      overlay = nil
      busy = tr("busy.saving")
      return [callEffect(visitID, again: true)]
    }
    if key == .character("n") || key == .character("N") {
      overlay = nil
      if let held = state.visits[heldID], held.status == .called { openServe(held) }
    } else if key == .escape {
      overlay = nil
    }
    return []
  }

  /// The keys of the "desk still has a ticket called" box, for its footer.
  func secondCallKeyMap(heldID: String) -> KeyMap<Command> {
    let ticket = state.visits[heldID]?.ticket ?? heldID
    return KeyMap([
      KeyBinding(Self.letterYesKeys, .submit, help: tr("key.callAnyway"), label: tr("key.yesLetter")),
      KeyBinding(
        [.character("n"), .character("N")], .back, help: tr("key.serveHeld", ticket), label: "N"),
      KeyBinding(.escape, .back, help: tr("key.cancel")),
    ])
  }

  /// The "desk still has a ticket called" box: which ticket the desk holds, whom it calls instead, what each
  /// answer does.
  func secondCallModal(visitID: String?, heldID: String) -> Modal {
    let held = state.visits[heldID]
    let ticket = held?.ticket ?? heldID
    let person = held.map { name($0.visitorID) } ?? ""
    let message =
      if let next = visitID.flatMap({ state.visits[$0] }) {
        tr("queue.deskBusyTicket", desk, ticket, person, next.ticket)
      } else {
        tr("queue.deskBusyNext", desk, ticket, person)
      }
    return Modal(
      title: tr("queue.deskBusyTitle", desk), message: message,
      buttons: [tr("queue.deskBusyCallKey"), tr("queue.deskBusyServeKey", ticket), tr("answer.cancelKey")],
      role: .warning)
  }

  /// Opening the serve screen of a called visit: at once at its own desk, else after asking (another desk
  /// called that person).
  func serve(_ visit: Visit) -> Reaction {
    if let other = visit.desk, other != desk {
      return Reaction(navigation: .overlay(.confirmServeElsewhere(visitID: visit.id)))
    }
    return Reaction(navigation: .push(.serve(ServeScreen(serving: visit, model: self))))
  }

  /// The answer to "called to another desk: serve here?": a letter yes opens the serve screen, no closes the box.
  mutating func serveElsewhereKey(_ key: KeyEvent, visitID: String) {
    if Self.isLetterYes(key) {
      overlay = nil
      if let visit = state.visits[visitID], visit.status == .called { openServe(visit) }
    } else if Self.isNo(key) {
      overlay = nil
    }
  }

  /// The "called to another desk" box: the ticket, the person and the desk that called them.
  func serveElsewhereModal(visitID: String) -> Modal {
    let visit = state.visits[visitID]
    let message = tr(
      "queue.elsewhereMessage", visit?.ticket ?? visitID, visit.map { name($0.visitorID) } ?? "",
      visit?.desk ?? "—", desk)
    return Modal(
      title: tr("queue.elsewhereTitle", visit?.desk ?? "—"), message: message,
      buttons: [tr("answer.yesKey"), tr("answer.noKey")], role: .warning)
  }
}
