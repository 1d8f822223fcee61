import Foundation
import GAIDesk
import TerminalUI

extension AppModel {
  /// Applies a message and returns the effects to perform, in order; the first write of a session waits
  /// for the person to check the date when the core finds the clock wrong.
  public mutating func update(_ message: Message) -> [Effect] {
    checkingClock(applying(message))
  }

  private mutating func applying(_ message: Message) -> [Effect] {
    switch message {
    case .key(let key):
      return handleKey(key)
    case .tick(let date):
      now = date
      return checkDesk()
    case .resize(let newSize):
      size = newSize
    case .opened(let office, let newState, let account, let recoveryCode, let loaded, let basis):
      busy = nil
      // The core's index of the office (loaded from its cache), else one built here.
      search = loaded ?? VisitorSearch()
      officeCode = office
      officeOpen = true
      setState(newState, basis: basis)
      // Whoever unlocked acts as themselves.
      if !account.isEmpty { staff = account }
      if screen.contract is SetupScreen {
        screens = [.queue(QueueScreen())]
        // A new office's recovery code shows over the queue; the PIN is asked once it is written down.
        let asksPIN = personUnlocked(staff)
        if let recoveryCode {
          overlay = .recoveryCode(recoveryCode, thenAskPIN: asksPIN)
        } else if asksPIN {
          screens.append(.custom(PinSetScreen()))
        }
        return [.saveSettings(language: tr.language)]
      }
      if let recoveryCode { overlay = .recoveryCode(recoveryCode, thenAskPIN: false) }
      screens = [.custom(StaffScreen(name: staff, desk: desk))]
    case .changed(let newState, let basis):
      if officeOpen { setState(newState, basis: basis) }
    case .done(let effect, let newState, let visitID, let referralID, let basis):
      busy = nil
      guard officeOpen else { return [] }
      setState(newState, basis: basis)
      return completed(effect, visitID: visitID, referralID: referralID)
    case .failed(let effect, let error):
      busy = nil
      if officeOpen || !effect.isWrite { failed(effect, error) }
    case .printed(_, let printer):
      busy = nil
      notice = Notice(tr("print.done", printer), role: .success)
    case .pagePrinted(.printed(let printer)):
      busy = nil
      notice = Notice(tr("print.daySent", printer), role: .success)
    case .pagePrinted(.saved(let path)):
      busy = nil
      notice = Notice(tr("print.daySaved", path), role: .warning)
    case .health(let report):
      if officeOpen { health = report }
    case .passphraseChecked(let person):
      busy = nil
      if officeOpen { passphraseAccepted(naming: person) }
    case .backupFolders, .backupProgress, .backedUp:
      backupMessage(message)
    }
    return []
  }

  /// The keys in force: those of the box open over the screen, else of the current screen (or of the locked
  /// screen); its visible bindings make the footer. Once a desk session is open, the panic key is in every
  /// map.
  public func keyMap() -> KeyMap<Command> {
    if isOverlayShown, var map = overlayKeyMap() {
      if deskSession?.status == .open, lockScreen == nil { map.bindings.append(lockBinding) }
      return map
    }
    return screenKeyMap()
  }

  /// The key map of the current screen (or of the locked screen) under any box: what the help lists.
  func screenKeyMap() -> KeyMap<Command> {
    if let lockScreen { return lockScreen.keyMap(tr) }
    var map = screen.contract.keyMap(tr)
    if deskSession?.status == .open { map.bindings.append(lockBinding) }
    return map
  }

  /// Whether a box is drawn over the screen (over the locked screen only the boxes shown while locked are).
  var isOverlayShown: Bool { overlay != nil && (!isLocked || isOverlayShownWhileLocked) }

  private mutating func handleKey(_ key: KeyEvent) -> [Effect] {
    if key == .resize { return [] }
    // The panic key locks at once: over a box, during a save, whatever the screen.
    if lockScreen == nil, deskSession?.status == .open, Self.panicKeys.contains(key) {
      lockDesk()
      return []
    }
    if busy != nil { return [] }
    // Nothing is drawn but "enlarge the window (Ctrl-C quits)": a key typed blind must not act.
    if isTooSmall { return key == .control("c") ? [.quit] : [] }
    deskSession?.touch()
    if lockScreen != nil, !isOverlayShownWhileLocked { return lockKey(key) }
    if overlay != nil { return overlayKey(key) }
    notice = nil
    if let command = keyMap().action(for: key) { return handle(command) }
    return react { $0.input(key, model: $1) }
  }

  private mutating func handle(_ command: Command) -> [Effect] {
    // A screen that must not be left without a word (a visitor still called) asks its own question.
    if command == .back, !isInPanel, let box = screen.contract.leavingBox(model: self) {
      overlay = box
      return []
    }
    switch command {
    case .help:
      overlay = .help
      return []
    case .language:
      tr.language = Translator.next(after: tr.language)
      for index in screens.indices { screens[index].contract.languageChanged(to: tr) }
      return officeCode == nil
        ? [] : [.saveSettings(language: tr.language)]
    case .quit where backupProgress != nil:
      // Leaving waits for the worker: the backup would hold a frozen screen until it ends.
      notice = Notice(tr("backup.waitToQuit"), role: .warning)
      return []
    case .quit:
      overlay = .confirmQuit
      return []
    case .back where isDirty:
      overlay = .confirmDiscard
      return []
    case .back where screens.count > 1 && !isInPanel:
      pop()
      return []
    case .clearField:
      // The focused field empties itself on Ctrl-U, as it does on screens that do not show the key.
      return react { $0.input(.control("u"), model: $1) }
    default: break
    }
    return react { $0.handle(command, model: $1) }
  }

  /// Whether going back from the current screen would lose something typed.
  var isDirty: Bool { screen.contract.isDirty }

  /// Whether Esc closes a panel of the current screen rather than leaving it.
  var isInPanel: Bool { screen.contract.isInPanel }

  /// The keys that, typed over a box closing onto the queue (a ticket, a saved visit), reach the queue too:
  /// those opening the next arrival or a search, so that someone typing ahead for the next person lands in
  /// the form. Any other key only closes the box: a queue command (c calls the next visitor) never runs
  /// from a key meant for the box.
  static let typedThroughToQueue: [KeyEvent] = [.character("a"), .character("/")]

  /// `key`, typed over a box that just closed onto the queue, applied to the queue when it opens a form.
  private mutating func typedThrough(_ key: KeyEvent) -> [Effect] {
    guard Self.typedThroughToQueue.contains(key), queueScreen != nil else { return [] }
    return handleKey(key)
  }

  private mutating func overlayKey(_ key: KeyEvent) -> [Effect] {
    guard let current = overlay else { return [] }
    switch current {
    case .help, .message:
      overlay = nil
    case .recoveryCode(_, let thenAskPIN):
      guard key == .enter else { return [] }
      overlay = nil
      if thenAskPIN { screens.append(.custom(PinSetScreen())) }
    case .backup(let dialog):
      return backupKey(key, dialog)
    case .confirmQuit:
      if Self.isYes(key) { return [.quit] }
      if Self.isNo(key) { overlay = nil }
    case .confirmDiscard:
      if Self.isYes(key) {
        overlay = nil
        if isInPanel { return react { $0.handle(.back, model: $1) } }
        pop()
      } else if Self.isNo(key) {
        overlay = nil
      }
    case .ticket(let visitID):
      overlay = nil
      backToQueue(selecting: visitID)
      return typedThrough(key)
    case .saved(let visitID, let referralIDs, let language):
      if [.pageDown, .pageUp, .down, .up].contains(key) {
        // The page is the rows the box shows, less the "more" line, from the layout the drawing uses.
        let layout = savedLayout(visitID: visitID, referralIDs: referralIDs, language: language)
        let step = key == .pageDown || key == .pageUp ? max(1, layout.rows - 1) : 1
        let moved = overlayOffset + (key == .pageDown || key == .down ? step : -step)
        overlayOffset = max(0, min(moved, layout.maxOffset))
        return []
      }
      if [.character("P"), .character("p"), .control("p")].contains(key), !referralIDs.isEmpty {
        notice = nil
        busy = tr("busy.printing")
        return referralIDs.map { .printSlip(referralID: $0, language: language) }
      }
      overlay = nil
      notice = nil
      backToQueue(selecting: nil)
      return typedThrough(key)
    case .confirmMerge(let keep, let other):
      if Self.isYes(key) {
        overlay = nil
        busy = tr("busy.saving")
        return [.merge(keep: keep, other: other)]
      }
      if Self.isNo(key) { overlay = nil }
    case .confirmUnmerge(let keep, let other):
      if Self.isYes(key) {
        overlay = nil
        busy = tr("busy.saving")
        return [.unmerge(keep: keep, other: other)]
      }
      if Self.isNo(key) { overlay = nil }
    case .profileConsent(let visitorID, let share):
      // Consent takes an explicit letter: Enter is not a yes here.
      let answer: Bool?
      switch key {
      case .escape:
        overlay = nil
        return []
      case _ where Self.isLetterYes(key): answer = true
      case _ where Self.noKeys.contains(key): answer = false
      default: answer = nil
      }
      guard let answer else { return [] }
      guard let share else {
        overlay = .profileConsent(visitorID: visitorID, share: answer)
        return []
      }
      overlay = nil
      busy = tr("busy.saving")
      return [.setConsent(visitorID: visitorID, store: answer, share: share)]
    case .consent(let visitorID):
      if Self.isLetterYes(key) {
        overlay = nil
        busy = tr("busy.saving")
        return [.recordConsent(visitorID: visitorID)]
      }
      if Self.isNo(key) {
        overlay = nil
        return react { $0.answered(current, yes: false, model: $1) }
      }
    case .confirmLeft(let visitID):
      if Self.isYes(key) {
        overlay = nil
        busy = tr("busy.saving")
        return [.markLeft(visitID: visitID)]
      }
      if Self.isNo(key) { overlay = nil }
    case .confirmLeaveServe(let visitID):
      return leaveServeKey(key, visitID: visitID)
    case .confirmSecondCall(let visitID, let heldID):
      return secondCallKey(key, visitID: visitID, heldID: heldID)
    case .confirmServeElsewhere(let visitID):
      serveElsewhereKey(key, visitID: visitID)
    case .confirmSecondTicket(let visitorID, _):
      if Self.isLetterYes(key) {
        overlay = nil
        busy = tr("busy.saving")
        return [.arrive(visitorID: visitorID, again: true)]
      }
      if Self.isNo(key) { overlay = nil }
    case .confirmClock(_, let effects, let held):
      if Self.isYes(key) {
        overlay = nil
        clockConfirmed = true
        busy = held
        return effects
      }
      if Self.isNo(key) {
        overlay = nil
        notice = Notice(tr("clock.cancelled"), role: .warning)
      }
    case .confirmRetire(let code):
      if Self.isYes(key) {
        overlay = nil
        busy = tr("busy.saving")
        return [.retirePartner(code: code)]
      }
      if Self.isNo(key) { overlay = nil }
    case .referralStatus(var picker):
      if key == .escape {
        overlay = nil
        return []
      }
      if picker.list.handle(key) {
        overlay = .referralStatus(picker)
        return []
      }
      guard key == .enter, let index = picker.list.selected else { return [] }
      if let status = picker.chosen {
        overlay = nil
        return [.setReferral(id: picker.referralID, status: status, reason: ReferralReason.allCases[index])]
      }
      let status = picker.options[index]
      if status.needsReason {
        picker.chosen = status
        picker.list = ListState(count: ReferralReason.allCases.count)
        overlay = .referralStatus(picker)
        return []
      }
      overlay = nil
      return [.setReferral(id: picker.referralID, status: status, reason: nil)]
    }
    return []
  }

  /// Returns to the queue, selecting `visitID` if given.
  mutating func backToQueue(selecting visitID: String?) {
    while screens.count > 1, queueScreen == nil { screens.removeLast() }
    if var s = queueScreen {
      s.selectVisit = visitID
      s.sync(self)
      screen = .custom(s)
    }
  }

  private mutating func completed(_ effect: Effect, visitID: String?, referralID: String?) -> [Effect] {
    let effects = react {
      $0.completed(effect, result: EffectResult(visitID: visitID, referralID: referralID), model: $1)
    }
    switch effect {
    case .arrive, .arriveNew:
      // The queue, not the finished form, lies behind the ticket: the form would now warn about itself.
      backToQueue(selecting: visitID)
      if let visitID { overlay = .ticket(visitID: visitID) }
    case .callNext, .call:
      if let visitID, let visit = state.visits[visitID] {
        notice = Notice(tr("queue.called", visit.ticket, name(visit.visitorID), desk), role: .success)
        openServe(visit)
      }
    case .markLeft:
      if let visitID, let visit = state.visits[visitID] {
        let minutes = String(Int(VisitReopening.window / 60))
        notice = Notice(tr("queue.markedLeft", visit.ticket, minutes), role: .normal)
      }
    case .recordConsent:
      break
    case .close:
      // The saved box says it; without one, the status line does.
      guard let visitID else {
        notice = Notice(tr("serve.saved"), role: .success)
        break
      }
      // Every referral of the visit, each with its slip, in the language chosen in the form.
      let referralIDs = state.allReferrals.filter { $0.visitID == visitID }.sorted { $0.id < $1.id }.map(\.id)
      var language = tr.language
      var print = false
      if let s = current(ServeScreen.self) {
        language = s.slipLanguage
        print = s.printSlips
      }
      overlay = .saved(visitID: visitID, referralIDs: referralIDs, language: language)
      if print, !referralIDs.isEmpty {
        busy = tr("busy.printing")
        return referralIDs.map { .printSlip(referralID: $0, language: language) }
      }
    case .setReferral:
      notice = Notice(tr("referral.changed"), role: .success)
    case .updateVisitor(let id, _):
      notice = Notice(tr("edit.saved", name(id)), role: .success)
    case .merge(let keep, let other):
      notice = Notice(tr("merge.done", state.visitors[other]?.fullName ?? other, name(keep)), role: .success)
    case .unmerge(_, let other):
      notice = Notice(tr("unmerge.done", state.visitors[other]?.fullName ?? other), role: .success)
    case .setConsent:
      notice = Notice(tr("consent.saved"), role: .success)
    case .printSlip, .printDaySheet:
      break
    case .completeFollowUp:
      notice = Notice(tr("followUp.completed"), role: .success)
    case .addPartner(let code, _), .updatePartner(let code, _):
      _ = code
    case .retirePartner(let code):
      notice = Notice(tr("partnerEdit.retired", directory.partner(code)?.name ?? code), role: .success)
    case .saveSheet(let topic, _, _):
      _ = topic
    case .reopenVisit:
      if let visitID, let visit = state.visits[visitID] {
        notice = Notice(tr("queue.reopened", visit.ticket, name(visit.visitorID)), role: .success)
      }
    case .returnToQueue:
      backToQueue(selecting: visitID)
      if let visitID, let visit = state.visits[visitID] {
        let since = LocalTime.clock(visit.arrivedAt)
        notice = Notice(tr("serve.returned", visit.ticket, name(visit.visitorID), since), role: .success)
      }
    case .confirmKnowledge, .correctSheetLine, .correctPartner, .addAccount, .removeAccount, .changeRole,
      .setLockTimes:
      break
    case .createOffice, .unlock, .saveSettings, .quit, .prepareBackup, .backup, .closeOffice,
      .checkPassphrase:
      break
    }
    return effects
  }

  private mutating func failed(_ effect: Effect, _ error: GAIDeskError) {
    let message = tr.error(error)
    if case .checkPassphrase = effect {
      lockScreen?.refused(message)
      return
    }
    var current = screen.contract
    let handled = current.failed(effect, message: message)
    screen.contract = current
    if handled { return }
    switch (effect, screen) {
    case (.backup, _), (.prepareBackup, _):
      backupFailed(message)
    case (.saveSettings, _):
      notice = Notice(message, role: .warning)
    case (.printSlip, _):
      notice = Notice(error.key == "error.print.none" ? tr("print.none") : message, role: .error)
    default:
      overlay = .message(message)
    }
  }

}
