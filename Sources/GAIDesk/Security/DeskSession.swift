import Crypto
import Foundation

/// The people who unlocked the office at this PC since the passphrase was typed, their PINs and the timers
/// that lock the screen and wipe the keys.
///
/// A PIN is kept only as an HMAC-SHA256 verifier under a random key made for this session, in memory: never
/// on disk, never the PIN itself. When the session closes (5 wrong PINs in a row, 15 minutes locked, 10 hours
/// in all, by default) the people, the verifiers and the key are dropped, and the caller must release the
/// `Office` so its keys are wiped too (swift-crypto zeroes a `SymmetricKey`'s bytes when it is released).
/// (The key and the verifiers are immutable values, as in `Sealer`, so sharing a session is safe.)
public struct DeskSession: @unchecked Sendable {
  /// How many wrong PINs in a row close the session.
  public static let maxWrongPINs = 5

  /// Where the session stands.
  public enum Status: Equatable, Sendable {
    /// Someone is at the desk.
    case open
    /// The screen is locked: a PIN or a passphrase brings a person back.
    case locked
    /// The keys must be wiped; the passphrase is needed again.
    case closed(ClosedReason)
  }

  /// Why a session closed.
  public enum ClosedReason: Equatable, Sendable {
    /// Locked for longer than the office allows.
    case lockedTooLong
    /// Open for longer than the office allows in all.
    case sessionLimit
    /// Too many wrong PINs in a row.
    case wrongPINs
  }

  /// The answer to a PIN.
  public enum PINOutcome: Equatable, Sendable {
    /// Right: `person` is now at the desk.
    case accepted
    /// Wrong: `remaining` tries before the session closes.
    case wrong(remaining: Int)
    /// That person chose no PIN this session: their passphrase is needed.
    case noPIN
    /// Wrong for the last time: the session is closed.
    case closed
  }

  /// The wall clock (injected by tests).
  public let clock: @Sendable () -> Date
  /// The office's lock times.
  public var times: LockTimes
  /// A shorter idle time for this PC only (see `LockTimes.idleOverride`), never a longer one.
  public var idleOverride: TimeInterval?
  /// Who unlocked at this PC this session, in the order they first did.
  public private(set) var people: [String] = []
  /// Who is (or, while locked, was last) at the desk.
  public private(set) var current: String
  /// Where the session stands.
  public private(set) var status: Status = .open
  /// Wrong PINs since the last right one.
  public private(set) var wrongPINs = 0
  /// When the passphrase was typed.
  public let openedAt: Date
  /// The last key pressed while open.
  public private(set) var lastActivity: Date
  /// When the screen locked.
  public private(set) var lockedAt: Date?
  private var verifiers: [String: HashedAuthenticationCode<SHA256>] = [:]
  private var key: SymmetricKey?

  /// Opens a session for `person`, who has just typed the passphrase.
  public init(person: String, times: LockTimes, clock: @escaping @Sendable () -> Date = { Date() }) {
    self.clock = clock
    self.times = times
    let now = clock()
    openedAt = now
    lastActivity = now
    current = person
    people = [person]
    key = SymmetricKey(size: .bits256)
  }

  /// The idle time in force: the office's, or this PC's shorter override.
  public var idleLimit: TimeInterval { min(times.idle, idleOverride ?? .infinity) }

  /// Whether `person` chose a PIN this session.
  public func hasPIN(_ person: String) -> Bool { verifiers[person] != nil }

  /// Whether the keys must be wiped.
  public var isClosed: Bool {
    if case .closed = status { return true }
    return false
  }

  /// `person` typed the passphrase (again): they are at the desk, the screen unlocked, the count of wrong
  /// PINs reset.
  public mutating func join(_ person: String) {
    guard !isClosed else { return }
    if !people.contains(person) { people.append(person) }
    current = person
    reopen()
  }

  /// Sets the PIN of the person at the desk (checked by `DeskPIN.validate`); only its verifier is kept.
  public mutating func setPIN(_ pin: String) throws {
    try DeskPIN.validate(pin)
    guard !isClosed, let key else { return }
    verifiers[current] = HMAC<SHA256>.authenticationCode(for: Self.message(current, pin), using: key)
  }

  /// A key was pressed: the idle time starts again (only while open).
  public mutating func touch() {
    guard status == .open else { return }
    lastActivity = clock()
  }

  /// Locks the screen now (the panic key, or idle).
  public mutating func lock() {
    guard status == .open else { return }
    status = .locked
    lockedAt = clock()
  }

  /// `person` typed `pin` at the locked screen (or to switch): on the right one they are at the desk.
  public mutating func enter(_ person: String, pin: String) -> PINOutcome {
    guard !isClosed, let key else { return .closed }
    guard let verifier = verifiers[person] else { return .noPIN }
    if HMAC<SHA256>.isValidAuthenticationCode(verifier, authenticating: Self.message(person, pin), using: key)
    {
      current = person
      reopen()
      return .accepted
    }
    wrongPINs += 1
    if wrongPINs >= Self.maxWrongPINs {
      close(.wrongPINs)
      return .closed
    }
    return .wrong(remaining: Self.maxWrongPINs - wrongPINs)
  }

  /// Looks at the clock: locks after the idle time, closes after the time locked or the session's limit.
  /// Returns the status.
  @discardableResult
  public mutating func check() -> Status {
    let now = clock()
    switch status {
    case .closed:
      break
    case _ where now.timeIntervalSince(openedAt) >= times.session:
      close(.sessionLimit)
    case .locked:
      if let lockedAt, now.timeIntervalSince(lockedAt) >= times.wipeAfterLock { close(.lockedTooLong) }
    case .open:
      if now.timeIntervalSince(lastActivity) >= idleLimit {
        status = .locked
        lockedAt = lastActivity.addingTimeInterval(idleLimit)
        if now.timeIntervalSince(lockedAt!) >= times.wipeAfterLock { close(.lockedTooLong) }
      }
    }
    return status
  }

  /// When `check()` next has something to do (nil once closed): the loop may sleep until then.
  public var nextDeadline: Date? {
    let end = openedAt.addingTimeInterval(times.session)
    switch status {
    case .closed: return nil
    case .locked: return min(end, (lockedAt ?? clock()).addingTimeInterval(times.wipeAfterLock))
    case .open: return min(end, lastActivity.addingTimeInterval(idleLimit))
    }
  }

  /// Closes the session: people, verifiers and the session key are dropped.
  public mutating func close(_ reason: ClosedReason) {
    status = .closed(reason)
    verifiers = [:]
    people = []
    key = nil
  }

  private mutating func reopen() {
    status = .open
    lockedAt = nil
    wrongPINs = 0
    lastActivity = clock()
  }

  private static func message(_ person: String, _ pin: String) -> [UInt8] {
    Array("gaidesk desk pin v1\u{0}\(person)\u{0}\(pin)".utf8)
  }
}
