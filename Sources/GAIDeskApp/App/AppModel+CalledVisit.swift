import GAIDesk
import TerminalUI

extension AppModel {
  /// The answer to "back to the queue?" on leaving a called visit's serve screen: yes puts it back in the queue
  /// (the core's `returnToQueue`), N leaves the screen with the visit still called, Esc goes on serving.
  mutating func leaveServeKey(_ key: KeyEvent, visitID: String) -> [Effect] {
    if Self.isLetterYes(key) {
      overlay = nil
      busy = tr("busy.saving")
      return [.returnToQueue(visitID: visitID, call: current(ServeScreen.self)?.call)]
    }
    if key == .character("n") || key == .character("N") {
      overlay = nil
      pop()
      if let visit = state.visits[visitID] {
        let text = tr("serve.keptCalled", visit.ticket, name(visit.visitorID), visit.desk ?? "—")
        notice = Notice(text, role: .warning)
      }
    } else if key == .escape {
      overlay = nil
    }
    return []
  }

  /// The keys of the "back to the queue?" box, for its footer.
  var leaveServeKeyMap: KeyMap<Command> {
    KeyMap([
      KeyBinding(
        Self.letterYesKeys, .submit, help: tr("key.backToQueue"), label: tr("key.yesLetter")),
      KeyBinding([.character("n"), .character("N")], .back, help: tr("key.keepCalled"), label: "N"),
      KeyBinding(.escape, .back, help: tr("key.keepServing")),
    ])
  }

  /// The "back to the queue?" box over the serve screen of `visitID`: what each answer does, and that what was
  /// typed is lost.
  func leaveServeModal(visitID: String) -> Modal {
    let visit = state.visits[visitID]
    var message = tr(
      "serve.leaveMessage", visit?.ticket ?? "", visit.map { name($0.visitorID) } ?? "", visit?.desk ?? "—")
    if isDirty { message += "\n" + tr("serve.leaveLost") }
    return Modal(
      title: tr("serve.leaveTitle"), message: message,
      buttons: [tr("serve.leaveBackKey"), tr("serve.leaveKeepKey"), tr("serve.leaveStayKey")], role: .warning)
  }

  /// What the quit box says: that everything saved stays saved, and which tickets are still called to this
  /// desk (the core's list), unless the screen is locked (nothing of the office is shown then).
  var quitMessage: String {
    let called = isLocked ? [] : state.called(atDesk: desk, on: today)
    guard !called.isEmpty else { return tr("quit.message") }
    let tickets = called.map { "\($0.ticket) (\(name($0.visitorID)))" }.joined(separator: ", ")
    return tr("quit.message") + "\n" + tr("quit.called", tickets, String(called.count), desk)
  }
}
