import Foundation
import GAIDesk
import TerminalUI

extension AppModel {
  /// The panic key: Ctrl-L on every terminal (a control character, never taken by a terminal emulator), or
  /// F12.
  public static let panicKeys: [KeyEvent] = [.control("l"), .function(12)]

  /// The panic key's binding, added to every key map once a desk session is open (listed by the help).
  var lockBinding: KeyBinding<Command> {
    KeyBinding(Self.panicKeys, .lock, help: tr("key.lock"), label: "Ctrl-L", hidden: true)
  }

  /// Whether the screen is locked.
  public var isLocked: Bool { lockScreen != nil }

  /// Boxes that may be drawn over the locked screen (its help, "quit?"); others wait underneath.
  var isOverlayShownWhileLocked: Bool {
    switch overlay {
    case .help?, .confirmQuit?: true
    default: false
    }
  }

  /// `person` typed the passphrase and is at the desk: the desk session starts (or they join it). Returns
  /// whether to ask them for a PIN: the first time they are at this desk in the session (one who skipped it
  /// is not asked again each time they come back with the passphrase).
  mutating func personUnlocked(_ person: String) -> Bool {
    guard var session = deskSession, !session.isClosed else {
      var session = DeskSession(person: person, times: state.lockTimes, clock: deskClock)
      session.idleOverride = idleOverride
      deskSession = session
      return true
    }
    let isNew = !session.people.contains(person)
    session.join(person)
    deskSession = session
    return isNew
  }

  /// Locks the screen: everything drawn is replaced by the locked screen naming who was at the desk.
  mutating func lockDesk() {
    deskSession?.lock()
    showLockScreen()
  }

  private mutating func showLockScreen() {
    guard let session = deskSession, lockScreen == nil else { return }
    notice = nil
    if !isOverlayShownWhileLocked { overlay = nil }
    lockScreen = LockScreen(people: session.people, atDesk: session.current, hasPIN: session.hasPIN)
  }

  /// Looks at the desk clock (each tick): locks after the idle time, wipes the keys when the session ends.
  mutating func checkDesk() -> [Effect] {
    guard deskSession != nil else { return [] }
    switch deskSession!.check() {
    case .open: return []
    case .locked:
      showLockScreen()
      return []
    case .closed(let reason): return wipe(reason)
    }
  }

  /// Forgets everything the session held (people, PINs, the office's state, every screen) and asks the
  /// worker to release the office, whose keys are then wiped; back to the passphrase.
  mutating func wipe(_ reason: DeskSession.ClosedReason) -> [Effect] {
    deskSession = nil
    lockScreen = nil
    parkedScreens = [:]
    overlay = nil
    notice = nil
    officeOpen = false
    setState(OfficeState())
    health = OfficeHealth()
    clockConfirmed = false
    var unlock = UnlockScreen()
    switch reason {
    case .wrongPINs: unlock.error = tr("lock.closed.pins", String(DeskSession.maxWrongPINs))
    case .lockedTooLong, .sessionLimit: unlock.error = tr("lock.closed.time")
    }
    screens = [.custom(unlock)]
    return [.closeOffice]
  }

  /// Keys while locked: arrows choose a person, typing fills the field, Enter tries it.
  mutating func lockKey(_ key: KeyEvent) -> [Effect] {
    guard var lock = lockScreen else { return [] }
    switch lock.keyMap(tr).action(for: key) {
    case .help?:
      overlay = .help
      return []
    case .language?:
      tr.language = Translator.next(after: tr.language)
      return []
    case .quit?:
      overlay = .confirmQuit
      return []
    case .nextField?:
      lock.nextField()
    case .submit?:
      lockScreen = lock
      return submitLock()
    default:
      lock.input(key)
    }
    lockScreen = lock
    return []
  }

  private mutating func submitLock() -> [Effect] {
    guard var lock = lockScreen, deskSession != nil else { return [] }
    switch lock.attempt {
    case nil:
      return []
    case .pin(let person, let pin):
      switch deskSession!.enter(person, pin: pin) {
      case .accepted:
        bringToDesk(person)
      case .wrong(let remaining):
        lock.refused(tr("lock.wrongPIN", String(remaining)))
        lockScreen = lock
      case .noPIN:
        lock.refused(tr("lock.noPIN"))
        lockScreen = lock
      case .closed:
        return wipe(.wrongPINs)
      }
      return []
    case .passphrase(let person, let passphrase):
      do {
        lock.joining = try Validation.name(person, field: "staff")
      } catch let failure as GAIDeskError {
        lock.refused(tr.error(failure))
        lockScreen = lock
        return []
      } catch { return [] }
      lockScreen = lock
      busy = tr("busy.unlocking")
      return [.checkPassphrase(passphrase)]
    }
  }

  /// The passphrase typed at the locked screen is right: the person it names (else the one chosen or named
  /// on the locked screen) is at the desk, asked for a PIN the first time.
  mutating func passphraseAccepted(naming account: String?) {
    guard let lock = lockScreen, let person = account ?? lock.joining else { return }
    let askPIN = personUnlocked(person)
    bringToDesk(person)
    if askPIN { screens.append(.custom(PinSetScreen())) }
  }

  /// `person` is at the desk again: the locked screen goes, and their own screens come back (the queue for
  /// someone new), the last person's kept for their return.
  private mutating func bringToDesk(_ person: String) {
    lockScreen = nil
    if person != staff {
      parkedScreens[staff] = screens
      screens = parkedScreens.removeValue(forKey: person) ?? [.queue(QueueScreen())]
      staff = person
      overlay = nil
    }
    notice = Notice(tr("lock.welcome", person), role: .success)
  }
}
