import Crypto

extension Office {
  /// Records new lock times (fields left nil keep their value) and returns the times now in force.
  /// Refused, writing nothing, when a value is out of bounds or `staff` may not change them.
  @discardableResult
  public func setLockTimes(_ change: LockTimesChange, staff: String) throws -> LockTimes {
    try change.validate()
    try authorize(.setLockTimes, staff: staff)
    guard !change.isEmpty else { return state.lockTimes }
    try record(staff: staff, events: [.lockTimesChanged(change)])
    return state.lockTimes
  }

  /// Checks `passphrase` against this office's key slots without opening anything again (a person joining
  /// the desk session at a locked screen); throws `passphraseWrong` when no slot of this office opens, or the
  /// one that opens belongs to an account the journal says was removed. Returns who the passphrase names: the
  /// account's name (the recovery code names the recovery account); nil for the one shared passphrase of an
  /// office from before accounts (the name typed with it counts).
  public func checkPassphrase(_ passphrase: String) throws -> String? {
    switch try Office.unlock(paths, passphrase: passphrase).credential {
    case .account(let id, _, _):
      guard let found = state.accounts.accounts[id], !found.removed else { throw GAIDeskError(.passphraseWrong) }
      return found.name
    case .master(let key, _, _):
      guard key == masterKeyForVerification else { throw GAIDeskError(.passphraseWrong) }
      return nil
    }
  }
}
