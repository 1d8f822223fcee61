import Foundation

/// A person's account: a name, a role and a public key to which the office's epoch keys are wrapped.
public struct Account: Equatable, Sendable {
  /// A random id, stable for the account's life (slot file `keys/slot-<id>.json`).
  public var id: String
  /// The person's name, the actor of every record they write.
  public var name: String
  /// What the person may do.
  public var role: StaffRole
  /// The account's Curve25519 key-agreement public key (32 bytes).
  public var publicKey: [UInt8]
  /// Whether this is the office's recovery slot (opened by the recovery code kept in the safe).
  public var isRecovery: Bool
  /// The account's key slot as written in `keys/` (JSON), the latest in canonical order.
  public var slot: [UInt8]
  /// Whether the account was removed (its slot is gone; it holds no epoch started after).
  public var removed = false

  /// Creates an account entry.
  public init(
    id: String, name: String, role: StaffRole, publicKey: [UInt8], isRecovery: Bool, slot: [UInt8],
    removed: Bool = false
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.publicKey = publicKey
    self.isRecovery = isRecovery
    self.slot = slot
    self.removed = removed
  }

  /// A new random account id: `u` (`r` for the recovery slot, tried last) and 16 hex digits.
  static func newID(recovery: Bool = false) -> String {
    (recovery ? "r" : "u") + (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
  }
}

/// The accounts and key epochs of an office, folded from events 40–44.
public struct AccountBook: Equatable, Sendable {
  /// Accounts by id (removed ones kept, marked).
  public internal(set) var accounts: [String: Account] = [:]
  /// Account ids in the order they were added.
  public internal(set) var order: [String] = []
  /// Epochs started after the first, in canonical order, each with its key wrapped per account id.
  public internal(set) var epochs: [EpochStart] = []

  /// The accounts still in the office, in the order they were added.
  public var active: [Account] { order.compactMap { accounts[$0] }.filter { !$0.removed } }

  /// Whether any account is still in the office.
  public var hasActive: Bool { order.contains { accounts[$0]?.removed == false } }

  /// The active account named `name` (names are unique among active accounts, compared ignoring case).
  public func account(named name: String) -> Account? {
    for id in order {
      guard let account = accounts[id], !account.removed, AccountBook.sameName(account.name, name) else {
        continue
      }
      return account
    }
    return nil
  }

  /// Whether two names are the same ignoring case, as Foundation's `caseInsensitiveCompare` says (ASCII
  /// names, most of them, compared byte by byte without it).
  static func sameName(_ left: String, _ right: String) -> Bool {
    let (a, b) = (left.utf8, right.utf8)
    guard a.allSatisfy({ $0 < 0x80 }) && b.allSatisfy({ $0 < 0x80 }) else {
      return left.caseInsensitiveCompare(right) == .orderedSame
    }
    return a.count == b.count
      && zip(a, b).allSatisfy { x, y in x == y || (x | 0x20 == y | 0x20 && (0x61...0x7A).contains(x | 0x20)) }
  }
}

/// A key epoch started (after someone left): its number and its key wrapped to each remaining account.
public struct EpochStart: Equatable, Sendable {
  /// The epoch number carried by the records sealed under it.
  public var epoch: UInt32
  /// The epoch key, wrapped to each account that holds it.
  public var wraps: [EpochKeyWrap]

  /// Creates an epoch start.
  public init(epoch: UInt32, wraps: [EpochKeyWrap]) {
    self.epoch = epoch
    self.wraps = wraps
  }
}
