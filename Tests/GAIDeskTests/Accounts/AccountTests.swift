import Foundation
import Testing

@testable import GAIDesk

/// Accounts, roles and key epochs: who may do what, and leaving means leaving.
@Suite struct AccountTests {
  static let rosa = "rosa-supervisora-2026"
  static let rui = "rui-no-balcao-da-praia"

  /// An office with Ana (administrator, from `init`), Rosa (supervisor) and Rui (front desk).
  static func staffed(_ dir: TemporaryDirectory) throws -> Office {
    let office = try TestOffice.make(in: dir)
    try office.addAccount(name: "Rosa", role: .supervisor, passphrase: rosa, staff: "Ana", scryptLogN: 10)
    try office.addAccount(name: "Rui", role: .frontDesk, passphrase: rui, staff: "Ana", scryptLogN: 10)
    return office
  }

  static func open(_ dir: TemporaryDirectory, _ passphrase: String) throws -> Office {
    try Office.open(at: OfficePaths(root: dir.path), passphrase: passphrase, marks: dir.marks)
  }

  /// Performs `action` through the core operation that does it, as `name`.
  static func perform(_ action: Action, as name: String, in office: Office, visitors: (String, String)) throws
  {
    switch action {
    case .deskWork:
      _ = try office.registerVisitor(VisitorForm(fullName: "Visita de \(name)"), staff: name)
    case .supervisorFigures:
      _ = try office.dayReport(day: LocalTime.day(WallTime(Date())), staff: name)
    case .exportReports:
      _ = try office.monthReport(month: "2026-11", staff: name)
    case .editPartners:
      try office.addPartner(
        Partner(code: "assoc-\(name.lowercased())", name: "Associação", topics: ["integration.work"]),
        staff: name)
    case .editSheets:
      try office.updateSheet(topic: "residence.renewal", staff: name) { _ in }
    case .mergeVisitors:
      try office.mergeVisitors(keep: visitors.0, other: visitors.1, staff: name)
      try office.unmergeVisitors(keep: visitors.0, other: visitors.1, staff: name)
    case .repairHistory:
      do {
        try office.acceptMissingHistory(staff: name)
      } catch let error as GAIDeskError where error.code == .historyNothingMissing {}
    case .manageAccounts:
      try office.changeRole(name: "Rui", to: .frontDesk, staff: name)
    case .setLockTimes:
      try office.setLockTimes(LockTimesChange(idleMinutes: 5, wipeMinutes: nil, sessionHours: nil), staff: name)
    }
  }

  @Test func theRoleMatrixHoldsCellByCellThroughTheCore() throws {
    let dir = TemporaryDirectory()
    let office = try AccountTests.staffed(dir)
    let visitors = (
      try office.registerVisitor(VisitorForm(fullName: "Awa Ndiaye"), staff: "Ana").id,
      try office.registerVisitor(VisitorForm(fullName: "Awa Ndiaye Sow"), staff: "Ana").id
    )
    var cells = 0
    for (name, role) in [("Rui", StaffRole.frontDesk), ("Rosa", .supervisor), ("Ana", .administrator)] {
      #expect(office.state.accounts.account(named: name)?.role == role)
      for action in Action.allCases {
        let allowed = Permissions.matrix[role]!.contains(action)
        cells += 1
        do {
          try AccountTests.perform(action, as: name, in: office, visitors: visitors)
          #expect(allowed, "\(role) \(action) was let through")
        } catch let error as GAIDeskError where error.code == .roleRefused {
          #expect(!allowed, "\(role) \(action) was refused")
          #expect(error.status == .notAllowed)
          // The message says who may: the least role allowed (terms the translators show as words).
          let least = try #require(Permissions.roles(for: action).first)
          #expect(
            error.args == [name, role.rawValue, "action." + action.rawValue, "least." + least.rawValue])
        }
      }
    }
    #expect(cells == 3 * Action.allCases.count)
    // The matrix itself: front desk only desk work; supervisors all but accounts; administrators all.
    #expect(Permissions.roles(for: .exportReports) == [.supervisor, .administrator])
    #expect(Permissions.roles(for: .manageAccounts) == [.administrator])
    #expect(Permissions.roles(for: .deskWork) == StaffRole.allCases)
    // Someone who is not an account is refused by name.
    #expect(throws: GAIDeskError(.accountUnknown, "Zé")) {
      try office.monthReport(month: "2026-11", staff: "Zé")
    }
  }

  @Test func removingSomeoneDeletesTheirSlotAndSealsNewRecordsUnderKeysTheyNeverHeld() throws {
    let dir = TemporaryDirectory()
    let office = try AccountTests.staffed(dir)
    let rui = try #require(office.state.accounts.account(named: "Rui"))
    let slotPath = dir.path + "/keys/" + AccountSlot.fileName(rui.id)
    let keptSlot = try FileIO.read(slotPath)  // what Rui could have copied before leaving
    #expect(try AccountTests.open(dir, AccountTests.rui).account?.name == "Rui")
    let removalSequence = office.journal.versionVector[office.origin]! + 1

    try office.removeAccount(name: "Rui", staff: "Ana")
    _ = try office.registerVisitor(VisitorForm(fullName: "Depois da saída"), staff: "Ana")
    #expect(office.keyringForVerification.current != 1)

    // The passphrase opens nothing: the slot is gone; a copy put back is refused (and deleted again).
    #expect(!FileManager.default.fileExists(atPath: slotPath))
    #expect(throws: GAIDeskError(.passphraseWrong)) { try AccountTests.open(dir, AccountTests.rui) }
    try FileIO.writeAtomically(keptSlot, to: slotPath)
    #expect(throws: GAIDeskError(.accountRemoved)) { try AccountTests.open(dir, AccountTests.rui) }
    #expect(!FileManager.default.fileExists(atPath: slotPath))

    // The bytes: every key Rui could derive (his slot, then every epoch key wrapped to him in any record he
    // can open, again until nothing new) opens no record written after the removal.
    let slot = try JSONDecoder().decode(AccountSlot.self, from: Data(keptSlot))
    let opened = try #require(try slot.unlock(passphrase: AccountTests.rui))
    var held = opened.epochs
    let bytes = try FileIO.read(TestOffice.segments(dir)[0])
    let records = SegmentScanner(
      bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: office.origin
    ).scan().records
    var learned = true
    while learned {
      learned = false
      for record in records {
        guard let content = Keyring(epochs: held, current: 1).open(record),
          let batch = try? EventCodec.decode(content.payload)
        else { continue }
        for case .epochStarted(let start) in batch.events where held[start.epoch] == nil {
          if let key = start.wraps.first(where: { $0.account == rui.id })?.unwrap(
            epoch: start.epoch, with: opened.privateKey)
          {
            held[start.epoch] = key
            learned = true
          }
        }
      }
    }
    let his = Keyring(epochs: held, current: 1)
    let after = records.filter { $0.header.sequence > removalSequence }
    #expect(after.count == 1)
    for record in after {
      #expect(held[record.header.epoch] == nil)
      #expect(his.open(record) == nil)
      #expect(office.keyringForVerification.open(record) != nil)
    }
    // The removal itself is sealed under the epoch before it: Rui can read that he left, and nothing more.
    let removal = try #require(records.first { $0.header.sequence == removalSequence })
    #expect(his.open(removal) != nil)

    // The others hold the new epoch: Rosa opens everything, cold (no cache) too.
    try FileManager.default.removeItem(atPath: dir.path + "/cache")
    let rosa = try AccountTests.open(dir, AccountTests.rosa)
    #expect(rosa.state.visitors.values.contains { $0.fullName == "Depois da saída" })
    #expect(
      rosa.damage.isEmpty && rosa.keyringForVerification.current == office.keyringForVerification.current)
  }

  @Test func aRemovalReachesAnotherPCWithTheBundleThatCarriesIt() throws {
    let folders = try OfficeFolders(2)
    let a = folders.offices[0]
    let other = folders.directories[1]
    try a.addAccount(
      name: "Rui", role: .frontDesk, passphrase: AccountTests.rui, staff: "Ana", scryptLogN: 10)
    _ = try folders.offices[1].importBundles([try folders.export(0)])
    // The account travelled: Rui's passphrase opens the other PC.
    #expect(try AccountTests.open(other, AccountTests.rui).account?.name == "Rui")

    try a.removeAccount(name: "Rui", staff: "Ana")
    _ = try a.registerVisitor(VisitorForm(fullName: "Depois da saída"), staff: "Ana")
    let summary = try folders.offices[1].importBundles([try folders.export(0)])
    #expect(summary.added == 2)
    // On the other PC too, that passphrase now opens nothing.
    #expect(throws: GAIDeskError(.passphraseWrong)) { try AccountTests.open(other, AccountTests.rui) }
    let b = folders.offices[1]
    #expect(b.state.visitors.values.contains { $0.fullName == "Depois da saída" })
    #expect(b.keyringForVerification.current == a.keyringForVerification.current)
    // The other PC writes under the new epoch, and a cold opening there learns it from the journal.
    _ = try b.registerVisitor(VisitorForm(fullName: "Na outra secretária"), staff: "Ana")
    try FileManager.default.removeItem(atPath: other.path + "/cache")
    let cold = try TestOffice.reopen(other)
    #expect(cold.state.visitorOrder.count == 2 && cold.damage.isEmpty)
    #expect(cold.journal.waitingEpochs.isEmpty)
  }

  @Test func theRecoveryCodeOpensAnOfficeWhoseAdministratorsAreLockedOut() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let code = try #require(office.recoveryCode)
    #expect(code.count == 29 && code.split(separator: "-").allSatisfy { $0.count == 4 })
    // The only administrator forgot her passphrase.
    #expect(throws: GAIDeskError(.passphraseWrong)) { try AccountTests.open(dir, "what-was-it-again") }
    // The code, typed in lower case with spaces as read aloud, opens the recovery account.
    let recovered = try AccountTests.open(dir, code.lowercased().replacingOccurrences(of: "-", with: " "))
    #expect(recovered.account?.isRecovery == true && recovered.account?.role == .administrator)
    try recovered.addAccount(
      name: "Nova", role: .administrator, passphrase: "nova-administradora-1", staff: recovered.actorName,
      scryptLogN: 10)
    #expect(try AccountTests.open(dir, "nova-administradora-1").account?.role == .administrator)
    #expect(try TestOffice.reopen(dir).recoveryCode == nil)
  }

  @Test func aPassphraseChangeReplacesTheSlot() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    try office.changePassphrase(to: "uma-nova-frase-secreta", scryptLogN: 10)
    #expect(throws: GAIDeskError(.passphraseWrong)) { try TestOffice.reopen(dir) }
    let again = try AccountTests.open(dir, "uma-nova-frase-secreta")
    #expect(again.account?.name == "Ana")
    #expect(throws: GAIDeskError(.passphraseShort, "10")) { try again.changePassphrase(to: "curta") }
  }

  @Test func namesAreUniqueAndNobodyRemovesThemselves() throws {
    let dir = TemporaryDirectory()
    let office = try AccountTests.staffed(dir)
    #expect(throws: GAIDeskError(.accountExists, "rosa")) {
      try office.addAccount(
        name: "rosa", role: .frontDesk, passphrase: "outra-rosa-da-praia", staff: "Ana", scryptLogN: 10)
    }
    #expect(throws: GAIDeskError(.accountSelf, "Ana")) { try office.removeAccount(name: "Ana", staff: "Ana") }
    #expect(throws: GAIDeskError(.accountUnknown, "Zé")) {
      try office.removeAccount(name: "Zé", staff: "Ana")
    }
  }

  @Test func twoRemovalsOnTwoPCsThatDidNotSeeEachOtherEndInAnEpochNeitherHolds() throws {
    let folders = try OfficeFolders(2)
    let (a, b) = (folders.offices[0], folders.offices[1])
    try a.addAccount(
      name: "Rosa", role: .supervisor, passphrase: AccountTests.rosa, staff: "Ana", scryptLogN: 10)
    try a.addAccount(
      name: "Rui", role: .frontDesk, passphrase: AccountTests.rui, staff: "Ana", scryptLogN: 10)
    _ = try b.importBundles([try folders.export(0)])
    let removed: Set<String> = [
      try #require(a.state.accounts.account(named: "Rui")).id,
      try #require(a.state.accounts.account(named: "Rosa")).id,
    ]
    // Each PC removes one person without seeing the other's removal: each new epoch excludes only one.
    try a.removeAccount(name: "Rui", staff: "Ana")
    try b.removeAccount(name: "Rosa", staff: "Ana")
    _ = try a.importBundles([try folders.export(1)])
    _ = try b.importBundles([try folders.export(0)])
    _ = try a.importBundles([try folders.export(1)])
    for office in [a, b] {
      let current = office.keyringForVerification.current
      let start = try #require(office.state.accounts.epochs.first { $0.epoch == current })
      #expect(Set(start.wraps.map(\.account)).isDisjoint(with: removed))
      #expect(office.state.accounts.active.map(\.name) == ["Ana", RecoveryCode.accountName])
    }
    #expect(a.keyringForVerification.current == b.keyringForVerification.current)
    #expect(a.state.accounts.epochs.count == 3)
  }
}
