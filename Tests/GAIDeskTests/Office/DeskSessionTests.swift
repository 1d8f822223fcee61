import Foundation
import Testing

@testable import GAIDesk

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
  private let lock = NSLock()
  private var time: Date

  init(_ start: Date = Date(timeIntervalSince1970: 1_780_000_000)) { time = start }

  var now: Date { lock.withLock { time } }

  func advance(minutes: Double) { lock.withLock { time = time.addingTimeInterval(minutes * 60) } }

  /// The clock as a session takes it.
  var reading: @Sendable () -> Date { { [self] in now } }
}

@Suite("Desk session: PINs, idle lock and key wipe (injected clock)")
struct DeskSessionTests {
  static let pin = "58203147"

  @Test("the screen locks after 3 minutes without a key, and a key before that starts the count again")
  func idleLock() {
    let clock = ManualClock()
    var session = DeskSession(person: "Maria", times: .standard, clock: clock.reading)
    clock.advance(minutes: 2.9)
    #expect(session.check() == .open)
    session.touch()
    clock.advance(minutes: 2.9)
    #expect(session.check() == .open)
    clock.advance(minutes: 0.1)
    #expect(session.check() == .locked)
    #expect(session.current == "Maria")
    // Keys while locked do not count as activity.
    session.touch()
    #expect(session.check() == .locked)
  }

  @Test("15 minutes locked close the session; 14 do not")
  func wipeAfterLock() throws {
    let clock = ManualClock()
    var session = DeskSession(person: "Maria", times: .standard, clock: clock.reading)
    try session.setPIN(Self.pin)
    session.lock()
    clock.advance(minutes: 14.9)
    #expect(session.check() == .locked)
    clock.advance(minutes: 0.1)
    #expect(session.check() == .closed(.lockedTooLong))
    #expect(session.people.isEmpty)
    #expect(session.enter("Maria", pin: Self.pin) == .closed)
  }

  @Test("a PC asleep for longer than idle plus the wipe time wakes up closed, not merely locked")
  func sleptThrough() {
    let clock = ManualClock()
    var session = DeskSession(person: "Maria", times: .standard, clock: clock.reading)
    clock.advance(minutes: 18)
    #expect(session.check() == .closed(.lockedTooLong))
  }

  @Test("10 hours in all close the session even while people keep working")
  func sessionLimit() {
    let clock = ManualClock()
    var session = DeskSession(person: "Maria", times: .standard, clock: clock.reading)
    for _ in 0..<(10 * 60 - 1) {
      clock.advance(minutes: 1)
      session.touch()
      #expect(session.check() == .open)
    }
    clock.advance(minutes: 1)
    session.touch()
    #expect(session.check() == .closed(.sessionLimit))
  }

  @Test("the office's times are used: idle 1 minute, wipe after 5, session 1 hour")
  func configuredTimes() {
    let clock = ManualClock()
    let times = LockTimes(idleMinutes: 1, wipeMinutes: 5, sessionHours: 1)
    var session = DeskSession(person: "Maria", times: times, clock: clock.reading)
    clock.advance(minutes: 1)
    #expect(session.check() == .locked)
    #expect(session.nextDeadline == clock.now.addingTimeInterval(5 * 60))
    clock.advance(minutes: 5)
    #expect(session.check() == .closed(.lockedTooLong))
    #expect(session.nextDeadline == nil)
  }

  @Test("the idle override shortens the idle time and never lengthens it")
  func idleOverride() {
    #expect(LockTimes.idleOverride(environment: ["GAIDESK_IDLE_LOCK_SECONDS": "0"]) == 2)
    #expect(LockTimes.idleOverride(environment: ["GAIDESK_IDLE_LOCK_SECONDS": "soon"]) == nil)
    let clock = ManualClock()
    var session = DeskSession(person: "Maria", times: .standard, clock: clock.reading)
    session.idleOverride = LockTimes.idleOverride(environment: ["GAIDESK_IDLE_LOCK_SECONDS": "3600"])
    #expect(session.idleLimit == 180)
    session.idleOverride = 5
    clock.advance(minutes: 5.0 / 60)
    #expect(session.check() == .locked)
  }

  @Test("a PIN switches between the people of the session; the passphrase is needed for one without a PIN")
  func switching() throws {
    let clock = ManualClock()
    var session = DeskSession(person: "Maria", times: .standard, clock: clock.reading)
    try session.setPIN(Self.pin)
    session.join("João")
    try session.setPIN("73916248")
    #expect(session.people == ["Maria", "João"])
    session.lock()
    #expect(session.enter("Maria", pin: "73916248") == .wrong(remaining: 4))
    #expect(session.enter("Maria", pin: Self.pin) == .accepted)
    #expect(session.current == "Maria")
    #expect(session.status == .open)
    session.join("Rui")
    session.lock()
    #expect(session.enter("Rui", pin: Self.pin) == .noPIN)
    #expect(session.enter("João", pin: "73916248") == .accepted)
    #expect(session.current == "João")
  }

  @Test("5 wrong PINs in a row close the session; a right one in between starts the count again")
  func wrongPINs() throws {
    let clock = ManualClock()
    var session = DeskSession(person: "Maria", times: .standard, clock: clock.reading)
    try session.setPIN(Self.pin)
    session.lock()
    for remaining in [4, 3, 2, 1] {
      #expect(session.enter("Maria", pin: "000001") == .wrong(remaining: remaining))
    }
    #expect(session.enter("Maria", pin: Self.pin) == .accepted)
    session.lock()
    for remaining in [4, 3, 2, 1] {
      #expect(session.enter("Maria", pin: "999990") == .wrong(remaining: remaining))
    }
    #expect(session.enter("Maria", pin: "999990") == .closed)
    #expect(session.status == .closed(.wrongPINs))
    #expect(session.enter("Maria", pin: Self.pin) == .closed)
  }

  @Test("PIN rules: digits only, 6 to 12, common ones refused")
  func pinRules() {
    func code(_ pin: String) -> ErrorCode? {
      do {
        try DeskPIN.validate(pin)
        return nil
      } catch let error as GAIDeskError { return error.code } catch { return .uiFailed }
    }
    #expect(code("12345") == .pinLength)
    #expect(code("1234567890123") == .pinLength)
    #expect(code("12a456") == .pinDigits)
    #expect(code("١٢٣٤٥٦") == .pinDigits)
    let refused = [
      "000000", "111111", "999999", "123456", "654321", "234567", "890123", "987654", "12345678",
      "121212", "123123", "100100", "112233", "123321", "147258", "159753", "102030",
      // dates: day-month-year, month-day-year, year-month-day
      "250675", "311299", "122599", "990101", "25061975", "12251999", "19750625", "20241231",
    ]
    for pin in refused { #expect(code(pin) == .pinCommon, "\(pin)") }
    for pin in ["58203147", "736491", "480597", "9402718356"] { #expect(code(pin) == nil, "\(pin)") }
  }

  @Test("lock times out of bounds are refused with the bounds; the latest change of each field wins")
  func lockTimes() throws {
    let directory = TemporaryDirectory()
    let office = try TestOffice.make(in: directory)
    #expect(office.state.lockTimes == .standard)
    let records = office.state.recordCount
    for change in [
      LockTimesChange(idleMinutes: 0), LockTimesChange(idleMinutes: 31), LockTimesChange(wipeMinutes: 4),
      LockTimesChange(wipeMinutes: 61), LockTimesChange(sessionHours: 13), LockTimesChange(sessionHours: 0),
    ] {
      #expect(throws: GAIDeskError.self) { try office.setLockTimes(change, staff: "Ana") }
    }
    do {
      try office.setLockTimes(LockTimesChange(idleMinutes: 31), staff: "Ana")
    } catch let error as GAIDeskError {
      #expect(error == GAIDeskError(.lockTimeRange, "idle-minutes", "1", "30", "31"))
    }
    #expect(office.state.recordCount == records, "a refused change writes nothing")
    try office.setLockTimes(LockTimesChange(idleMinutes: 5, sessionHours: 8), staff: "Ana")
    try office.setLockTimes(LockTimesChange(wipeMinutes: 30), staff: "Ana")
    let expected = LockTimes(idleMinutes: 5, wipeMinutes: 30, sessionHours: 8)
    #expect(office.state.lockTimes == expected)
    office.saveSnapshot()
    #expect(try TestOffice.reopen(directory).state.lockTimes == expected)
    try FileManager.default.removeItem(atPath: directory.path + "/cache")
    #expect(try TestOffice.reopen(directory).state.lockTimes == expected)
  }

  @Test("a joining person's passphrase names their account; a wrong or removed one is refused")
  func passphraseCheck() throws {
    let directory = TemporaryDirectory()
    let office = try TestOffice.make(in: directory)
    let recovery = try #require(office.recoveryCode)
    try office.addAccount(
      name: "Rosa", role: .supervisor, passphrase: "rosa-passphrase", staff: "Ana", scryptLogN: 10)
    #expect(try office.checkPassphrase(TestOffice.passphrase) == "Ana")
    #expect(try office.checkPassphrase("rosa-passphrase") == "Rosa")
    #expect(
      try office.checkPassphrase(recovery) == RecoveryCode.accountName, "the recovery code acts as itself")
    #expect(throws: GAIDeskError(.passphraseWrong)) { try office.checkPassphrase("not the passphrase") }
    // Removed: a copy of the slot put back still opens its file, but the journal says the account is gone.
    let rosa = try #require(office.state.accounts.account(named: "Rosa"))
    let slotPath = directory.path + "/keys/" + AccountSlot.fileName(rosa.id)
    let keptSlot = try FileIO.read(slotPath)
    try office.removeAccount(name: "Rosa", staff: "Ana")
    #expect(throws: GAIDeskError(.passphraseWrong)) { try office.checkPassphrase("rosa-passphrase") }
    try FileIO.writeAtomically(keptSlot, to: slotPath)
    #expect(throws: GAIDeskError(.passphraseWrong)) { try office.checkPassphrase("rosa-passphrase") }
  }

  @Test("the PIN is never written: no byte of the data or state folders holds it in any obvious encoding")
  func pinNeverStored() throws {
    let directory = TemporaryDirectory()
    let office = try TestOffice.make(in: directory)
    let clock = ManualClock()
    var session = DeskSession(person: "Ana", times: office.state.lockTimes, clock: clock.reading)
    try session.setPIN(Self.pin)
    _ = try TestOffice.addVisitors(office, count: 3)
    session.lock()
    #expect(session.enter("Ana", pin: Self.pin) == .accepted)
    try office.setLockTimes(LockTimesChange(idleMinutes: 4), staff: "Ana")
    office.saveSnapshot()
    let found = PINScan.find(Self.pin, under: [directory.path, directory.path + ".state"])
    #expect(found.isEmpty, "\(found)")
    #expect(PINScan.files(under: [directory.path, directory.path + ".state"]).count >= 4)
  }
}
