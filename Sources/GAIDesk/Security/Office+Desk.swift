import Crypto

extension Office {
  /// Records new lock times (fields left nil keep their value) and returns the times now in force.
  /// Refused, writing nothing, when a value is out of bounds or `staff` may not change them.
  @discardableResult
  public func setLockTimes(_ change: LockTimesChange, staff: String) throws -> LockTimes {
    try change.validate()
    try requireLockTimesPermission(staff: staff)
    guard !change.isEmpty else { return state.lockTimes }
    try record(staff: staff, events: [.lockTimesChanged(change)])
    return state.lockTimes
  }

  /// The one place that decides who may change the lock times: administrators, once accounts carry roles.
  /// Until then everyone who unlocked the office may.
  func requireLockTimesPermission(staff: String) throws {}

  /// Checks `passphrase` against this office's key slots without opening anything again (a person joining
  /// the desk session at a locked screen); throws `passphraseWrong` when no slot of this office opens.
  /// Returns who the passphrase names: nil while one passphrase is shared by everyone (the name typed with
  /// it counts); the account's name once each person has their own.
  public func checkPassphrase(_ passphrase: String) throws -> String? {
    let (key, _) = try Office.unlock(paths, passphrase: passphrase)
    guard key == masterKeyForVerification else { throw GAIDeskError(.passphraseWrong) }
    return nil
  }
}
