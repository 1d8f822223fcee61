import GAIDesk

extension AppModel {
  /// Applies a screen's reaction: the one place where notices, navigation and busy lines change.
  mutating func apply(_ reaction: Reaction) -> [Effect] {
    if let notice = reaction.notice { self.notice = notice }
    switch reaction.navigation {
    case .push(let next): screens.append(next)
    case .pop: pop()
    case .backToQueue(let visitID): backToQueue(selecting: visitID)
    case .overlay(let box): overlay = box
    case nil: break
    }
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
    case .quit, .saveSettings, .printSlip, .unlock: false
    default: true
    }
  }
}
