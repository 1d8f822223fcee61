import GAIDesk

extension AppModel {
  /// The current screen when it is a `S`.
  func current<S: AppScreen>(_ type: S.Type) -> S? { screen.contract as? S }

  /// Lets the current screen answer, then applies its reaction.
  mutating func react(_ answer: (inout any AppScreen, AppModel) -> Reaction) -> [Effect] {
    var current = screen.contract
    let reaction = answer(&current, self)
    screen.contract = current
    return apply(reaction)
  }

  /// Applies a screen's reaction: the one place where notices, navigation and busy lines change.
  mutating func apply(_ reaction: Reaction) -> [Effect] {
    if let notice = reaction.notice { self.notice = notice }
    if let session = reaction.session {
      staff = session.staff
      desk = session.desk
    }
    // Once the office is open, naming who is at the desk starts (or joins) the desk session.
    let askPIN = officeOpen && reaction.session.map { personUnlocked($0.staff) } == true
    if let pin = reaction.pin { try? deskSession?.setPIN(pin) }
    switch reaction.navigation {
    case .push(let next): screens.append(next)
    case .pop: pop()
    case .backToQueue(let visitID): backToQueue(selecting: visitID)
    case .overlay(let box): overlay = box
    case .root(let first): screens = [first]
    case nil: break
    }
    if askPIN { screens.append(.custom(PinSetScreen())) }
    if let busy = reaction.busy {
      self.busy = busy
    } else if reaction.effects.contains(where: \.isWrite) {
      busy = tr("busy.saving")
    }
    return reaction.effects
  }
}

extension Effect {
  /// Whether the effect records something in the journal (the status line says "a guardar…" meanwhile).
  var isWrite: Bool {
    switch self {
    case .quit, .saveSettings, .printSlip, .printDaySheet, .unlock, .prepareBackup, .backup, .checkPassphrase,
      .closeOffice:
      false
    default: true
    }
  }

  /// Whether the keys stay free while the effect runs (a backup can take minutes).
  var leavesKeysFree: Bool {
    if case .backup = self { return true }
    return false
  }
}
