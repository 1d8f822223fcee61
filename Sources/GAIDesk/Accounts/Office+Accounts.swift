import Crypto
import Foundation

extension Office {
  /// The name of whoever acts on this PC: the unlocked account.
  public var actorName: String { account?.name ?? Office.settings(paths: paths).staff ?? "" }

  /// Refuses `action` unless `staff` is an account present at this PC (see `actor(_:)`) whose role may
  /// perform it (an office from before accounts, with none yet, refuses nothing).
  public func authorize(_ action: Action, staff: String) throws {
    _ = try actor(staff)
    if let refusal = state.refusal(action, staff: staff) { throw refusal }
  }

  /// The name recorded for `staff`: the account's own name, once the office has accounts. Refused when
  /// `staff` names no active account, or one that did not type its own passphrase on this PC since the
  /// office was opened (the account that opened it, or one checked by `checkPassphrase`): the actor of a
  /// record is the person who unlocked, never a name anyone can type. An office whose journal names no
  /// account yet (from before accounts, read-only) records the name as given.
  func actor(_ staff: String) throws -> String {
    guard state.accounts.hasActive else { return staff }
    guard let account = state.accounts.account(named: staff) else {
      throw GAIDeskError(.accountUnknown, staff)
    }
    guard account.id == self.account?.id || joined.contains(account.id) else {
      throw GAIDeskError(.actorAbsent, account.name)
    }
    return account.name
  }

  /// Adds an account for `name` with `role`, protected by `passphrase`; it holds every epoch key this
  /// account holds. Administrators only.
  @discardableResult
  public func addAccount(
    name: String, role: StaffRole, passphrase: String, staff: String,
    scryptLogN: Int = ScryptParameters.defaultLogN
  ) throws -> Account {
    try authorize(.manageAccounts, staff: staff)
    let name = try Validation.name(name, field: "name")
    guard state.accounts.account(named: name) == nil else { throw GAIDeskError(.accountExists, name) }
    try Validation.passphrase(passphrase)
    let new = try NewAccount(
      name: name, role: role, passphrase: passphrase, epochs: keyring.allKeys, logN: scryptLogN)
    try perform(staff: staff) { _ in [Event.accountAdded(new.account)] }
    try syncSlotFiles()
    return new.account
  }

  /// Removes the account named `name`: its slot is deleted and a new key epoch starts, its key wrapped only
  /// to the remaining accounts, so records written from now on do not open with anything the removed person
  /// held. Administrators only; nobody removes their own account.
  public func removeAccount(name: String, staff: String) throws {
    try authorize(.manageAccounts, staff: staff)
    guard let target = state.accounts.account(named: name) else { throw GAIDeskError(.accountUnknown, name) }
    guard target.name.caseInsensitiveCompare(staff) != .orderedSame else {
      throw GAIDeskError(.accountSelf, target.name)
    }
    // One record, sealed under the epoch before the new one: every PC holding it learns the new key.
    try perform(staff: staff) { _ in
      [.accountRemoved(id: target.id), .epochStarted(try newEpoch(excluding: target.id))]
    }
    try syncSlotFiles()
    saveSnapshot()
  }

  /// A new key epoch: a random number no epoch has, and a random key wrapped to every active account but
  /// `excluded`.
  private func newEpoch(excluding excluded: String? = nil) throws -> EpochStart {
    let known = Set(state.accounts.epochs.map(\.epoch)).union(keyring.epochs)
    var epoch = UInt32.random(in: 2...UInt32.max)
    while known.contains(epoch) { epoch = UInt32.random(in: 2...UInt32.max) }
    let key = SymmetricKey(size: .bits256)
    let wraps = try state.accounts.active.filter { $0.id != excluded }.map {
      try EpochKeyWrap.wrap(key, epoch: epoch, to: $0.publicKey, account: $0.id)
    }
    return EpochStart(epoch: epoch, wraps: wraps)
  }

  /// Starts a new epoch when a removed account holds the current one: two removals made on two PCs that had
  /// not seen each other each started an epoch the other person still holds. Any account may do it (it gives
  /// nobody a key they did not have).
  func healEpoch() throws {
    guard !isReadOnly, let account else { return }
    let removed = Set(state.accounts.accounts.values.filter(\.removed).map(\.id))
    guard !removed.isEmpty else { return }
    let holders =
      state.accounts.epochs.first { $0.epoch == keyring.current }.map { Set($0.wraps.map(\.account)) }
      ?? Set(state.accounts.accounts.keys)  // the first epoch: every account holds it
    guard !holders.isDisjoint(with: removed) else { return }
    try perform(staff: account.name) { _ in [.epochStarted(try newEpoch())] }
    saveSnapshot()
  }

  /// Changes the role of the account named `name`. Administrators only.
  public func changeRole(name: String, to role: StaffRole, staff: String) throws {
    try authorize(.manageAccounts, staff: staff)
    guard let target = state.accounts.account(named: name) else { throw GAIDeskError(.accountUnknown, name) }
    try perform(staff: staff) { _ in [Event.accountRoleChanged(id: target.id, role: role)] }
  }

  /// Replaces the unlocked account's slot with one sealed by `passphrase` (the old passphrase stops opening
  /// the office on every PC that folds the change).
  public func changePassphrase(to passphrase: String, scryptLogN: Int = ScryptParameters.defaultLogN) throws {
    guard let account, case .account(let id, let privateKey, _) = credential else {
      throw GAIDeskError(.accountUnknown, actorName)
    }
    try Validation.passphrase(passphrase)
    let slot = try AccountSlot.make(
      account: id, privateKey: privateKey, epochs: keyring.allKeys, passphrase: passphrase, logN: scryptLogN)
    try perform(staff: account.name) { _ in [Event.accountSlotReplaced(id: id, slot: slot.bytes)] }
    try syncSlotFiles()
  }

  /// Adds the epoch keys wrapped to this account in the folded epoch starts, moves the current epoch to the
  /// latest held, and reads the records that waited for them; again until nothing new is learned.
  func learnEpochs() throws {
    while true {
      var learned: [UInt32: SymmetricKey] = [:]
      if case .account(let id, let privateKey, _) = credential {
        for start in state.accounts.epochs where keyring.key(start.epoch) == nil {
          if let key = start.wraps.first(where: { $0.account == id })?.unwrap(
            epoch: start.epoch, with: privateKey)
          {
            learned[start.epoch] = key
          }
        }
      }
      let current = state.accounts.currentEpoch(holding: keyring.epochs.union(learned.keys))
      guard !learned.isEmpty || current != keyring.current else { return }
      keyring = keyring.adding(learned, current: current)
      journal.keyring = keyring
      guard !learned.isEmpty else { return }
      try foldEntries { try journal.refresh($0) }
    }
  }

  /// After the journal is read: the account that unlocked (refused when it was removed), or an office from
  /// before accounts turning the master-key slot that opened into an administrator account; then the slot
  /// files follow the accounts the journal names.
  func settleAccount(passphrase: String) throws {
    switch credential {
    case .account(let id, _, _):
      if state.accounts.accounts[id]?.removed == true {
        try? syncSlotFiles()
        throw GAIDeskError(.accountRemoved)
      }
    case .master(let key, let file, let logN):
      // Read as it is when it cannot be written (damage, a read-only medium): it becomes an account where it can.
      guard !isReadOnly, medium == nil else { return }
      let saved = Office.settings(paths: paths).staff ?? "Administrador"
      var name = saved
      var number = 2
      while state.accounts.account(named: name) != nil {
        name = "\(saved) \(number)"
        number += 1
      }
      let new = try NewAccount(
        name: name, role: .administrator, passphrase: passphrase, epochs: [1: key], logN: logN)
      credential = .account(id: new.id, privateKey: new.privateKey, epochs: [1: key])
      try perform(staff: name) { _ in [Event.accountAdded(new.account)] }
      try syncSlotFiles()
      try FileManager.default.removeItem(atPath: file)
      // The name now lives in the journal, sealed: the clear settings file keeps none.
      var settings = Office.settings(paths: paths)
      settings.staff = nil
      try? Office.saveSettings(settings, paths: paths)
    }
    try syncSlotFiles()
    try healEpoch()
  }

  /// Makes `keys/` hold exactly the slots the journal names: a removed account's slot is deleted, an added
  /// or replaced one written (so a removal reaches this PC with the bundle that carries it).
  func syncSlotFiles() throws {
    // A folder that cannot be written keeps its files; opening it has said which slots are not trusted.
    guard medium == nil else { return }
    for account in state.accounts.accounts.values {
      let path = paths.keys + "/" + AccountSlot.fileName(account.id)
      if account.removed {
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
      } else if (try? FileIO.read(path, limit: 1 << 16)) != account.slot {
        try FileIO.writeAtomically(account.slot, to: path)
      }
    }
  }
}
