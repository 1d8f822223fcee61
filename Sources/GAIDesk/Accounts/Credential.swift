import Crypto
import Foundation

/// What a passphrase opened: an account's keys, or (in an office from before accounts) the master key.
enum Credential {
  /// An account slot: the account, its private key and the epoch keys its slot held.
  case account(id: String, privateKey: Curve25519.KeyAgreement.PrivateKey, epochs: [UInt32: SymmetricKey])
  /// A master-key slot (version 1): the file and its scrypt cost, to turn it into an account.
  case master(SymmetricKey, file: String, logN: Int)

  /// The epoch keys held from the slot alone.
  var epochs: [UInt32: SymmetricKey] {
    switch self {
    case .account(_, _, let epochs): epochs
    case .master(let key, _, _): [1: key]
    }
  }

  /// The slot at `path` opened with `passphrase`; nil when the passphrase is wrong.
  static func open(_ path: String, passphrase: String) throws -> Credential? {
    struct Version: Decodable { var version: Int }
    guard let bytes = try? FileIO.read(path, limit: 1 << 16),
      let version = try? JSONDecoder().decode(Version.self, from: Data(bytes)).version
    else { throw GAIDeskError(.keyslotCorrupt) }
    if version >= AccountSlot.formatVersion {
      guard let slot = try? JSONDecoder().decode(AccountSlot.self, from: Data(bytes)) else {
        throw GAIDeskError(version > AccountSlot.formatVersion ? .keyslotNewer : .keyslotCorrupt)
      }
      return try slot.unlock(passphrase: passphrase).map {
        .account(id: $0.account, privateKey: $0.privateKey, epochs: $0.epochs)
      }
    }
    guard let slot = try? JSONDecoder().decode(KeySlot.self, from: Data(bytes)) else {
      throw GAIDeskError(.keyslotCorrupt)
    }
    return try slot.unlock(passphrase: passphrase).map { .master($0, file: path, logN: slot.scrypt.logN) }
  }
}

/// A new account's keys, slot and entry, before its event is recorded.
struct NewAccount {
  let id: String
  let privateKey: Curve25519.KeyAgreement.PrivateKey
  let slot: AccountSlot
  let account: Account

  /// Makes the keys and slot of a new account holding `epochs`.
  init(
    name: String, role: StaffRole, passphrase: String, epochs: [UInt32: SymmetricKey], logN: Int,
    isRecovery: Bool = false
  ) throws {
    id = Account.newID(recovery: isRecovery)
    privateKey = Curve25519.KeyAgreement.PrivateKey()
    slot = try AccountSlot.make(
      account: id, privateKey: privateKey, epochs: epochs, passphrase: passphrase, logN: logN)
    account = Account(
      id: id, name: name, role: role, publicKey: Array(privateKey.publicKey.rawRepresentation),
      isRecovery: isRecovery, slot: slot.bytes)
  }
}

/// What unlocking found: the credential, the slot file that gave it, and a warning per slot skipped on the
/// way.
struct UnlockedSlot {
  /// What the passphrase opened.
  let credential: Credential
  /// The file name of the slot that opened.
  let slot: String
  /// Slots skipped (newer, out-of-range parameters, damaged), one warning each.
  let skipped: [GAIDeskError]
}
