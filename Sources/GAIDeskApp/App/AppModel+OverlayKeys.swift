import GAIDesk
import TerminalUI

extension AppModel {
  /// The keys that answer yes in a yes/no box: Enter, or the first letter of "yes" in any of the languages.
  static let yesKeys: [KeyEvent] = [
    .enter, .character("s"), .character("S"), .character("y"), .character("Y"), .character("o"),
    .character("O"),
  ]
  /// The keys that answer no in a yes/no box.
  static let noKeys: [KeyEvent] = [.escape, .character("n"), .character("N")]
  /// The keys that answer yes where Enter must not (typed ahead or out of habit): a letter. For consent, and for
  /// questions whose yes does something out of the ordinary (a second ticket, a second call to a desk, a called
  /// visit back in the queue with the form lost).
  static let letterYesKeys = yesKeys.filter { $0 != .enter }

  /// Whether `key` answers yes in a yes/no box.
  static func isYes(_ key: KeyEvent) -> Bool { yesKeys.contains(key) }

  /// Whether `key` answers yes with a letter (``letterYesKeys``).
  static func isLetterYes(_ key: KeyEvent) -> Bool { letterYesKeys.contains(key) }

  /// Whether `key` answers no in a yes/no box.
  static func isNo(_ key: KeyEvent) -> Bool { noKeys.contains(key) }

  /// The keys of the box open over the screen, which takes every key while it is open, for the footer and
  /// the help; nil when no box is open.
  func overlayKeyMap() -> KeyMap<Command>? {
    guard let overlay else { return nil }
    let anyKey = tr("key.anyKey")
    switch overlay {
    case .help, .message:
      return KeyMap([KeyBinding(.escape, .back, help: tr("key.close"), label: anyKey)])
    case .recoveryCode:
      return KeyMap([KeyBinding(.enter, .submit, help: tr("key.recoveryWritten"))])
    case .ticket:
      return KeyMap([KeyBinding(.escape, .back, help: tr("key.toQueue"), label: anyKey)])
    case .saved(let visitID, let referralIDs, let language):
      var bindings: [KeyBinding<Command>] = []
      // Scrolling is offered only when the box has more than it shows.
      if savedLayout(visitID: visitID, referralIDs: referralIDs, language: language).maxOffset > 0 {
        bindings.append(
          KeyBinding(
            [.up, .down, .pageUp, .pageDown], .nextPage, help: tr("key.scroll"), label: "↑↓ PgUp/PgDn"))
      }
      if !referralIDs.isEmpty {
        bindings.append(
          KeyBinding(
            [.character("p"), .character("P"), .control("p")], .print, help: tr("key.printSlips"), label: "P")
        )
      }
      bindings.append(KeyBinding(.escape, .back, help: tr("key.toQueue"), label: tr("key.otherKey")))
      return KeyMap(bindings)
    case .confirmQuit, .confirmDiscard, .confirmMerge, .confirmUnmerge, .confirmRetire, .confirmLeft,
      .confirmClock:
      return KeyMap([yesBinding(Self.yesKeys), noBinding])
    case .confirmSecondTicket, .consent, .confirmServeElsewhere:
      return KeyMap([yesBinding(Self.letterYesKeys), noBinding])
    case .confirmLeaveServe:
      return leaveServeKeyMap
    case .confirmSecondCall(_, let heldID):
      return secondCallKeyMap(heldID: heldID)
    case .profileConsent:
      return KeyMap([
        yesBinding(Self.letterYesKeys),
        KeyBinding([.character("n"), .character("N")], .back, help: tr("key.no"), label: "N"),
        KeyBinding(.escape, .back, help: tr("key.cancel")),
      ])
    case .referralStatus:
      return KeyMap([
        KeyBinding([.up, .down], .nextField, help: tr("key.move"), label: "↑↓"),
        KeyBinding(.enter, .submit, help: tr("key.choose")),
        KeyBinding(.escape, .back, help: tr("key.cancel")),
      ])
    case .backup(let dialog):
      switch dialog.phase {
      case .asking:
        var bindings = [KeyBinding<Command>(.enter, .submit, help: tr("key.startBackup"))]
        if !dialog.candidates.isEmpty {
          bindings.append(KeyBinding(.tab, .nextField, help: tr("key.otherFolder")))
        }
        bindings.append(KeyBinding(.escape, .back, help: tr("key.cancel")))
        return KeyMap(bindings)
      case .running:
        return KeyMap([KeyBinding(.escape, .back, help: tr("key.hideBox"))])
      case .finished, .failed:
        return KeyMap([KeyBinding(.escape, .back, help: tr("key.close"), label: anyKey)])
      }
    }
  }

  private func yesBinding(_ keys: [KeyEvent]) -> KeyBinding<Command> {
    KeyBinding(
      keys, .submit, help: tr("key.yes"), label: (keys.first == .enter ? "Enter/" : "") + tr("key.yesLetter"))
  }

  private var noBinding: KeyBinding<Command> {
    KeyBinding(Self.noKeys, .back, help: tr("key.no"), label: "Esc/N")
  }
}
