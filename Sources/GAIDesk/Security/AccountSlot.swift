import Crypto
import Foundation

/// One account's way into the office (`keys/slot-<account>.json`, version 2): the account's private key
/// sealed by a scrypt-derived key, with the epoch keys the account held when the slot was made wrapped to
/// its public key (later epochs come from the journal).
public struct AccountSlot: Codable, Sendable, Equatable {
  /// The slot file format version of account slots (master-key slots are version 1).
  public static let formatVersion = 2

  /// An epoch key wrapped to the account, as stored in the slot.
  public struct Wrap: Codable, Sendable, Equatable {
    /// The epoch.
    public var epoch: UInt32
    /// The ephemeral public key, base64.
    public var ephemeral: String
    /// The sealed epoch key, base64.
    public var box: String
  }

  /// Format version: 2.
  public var version: Int
  /// The account id.
  public var account: String
  /// Key derivation function name; always "scrypt".
  public var kdf: String
  /// scrypt cost exponent: N = 2^logN.
  public var logN: Int
  /// scrypt block size.
  public var r: Int
  /// scrypt parallelism.
  public var p: Int
  /// Random salt, base64.
  public var salt: String
  /// The account's Curve25519 private key sealed with AES-GCM under the derived key, base64.
  public var sealedKey: String
  /// The account's public key, base64.
  public var publicKey: String
  /// Epoch keys wrapped to the account when the slot was made.
  public var wraps: [Wrap]
  /// When the slot was made (ISO 8601).
  public var created: String
  /// The first 16 bytes of the SHA-256 of the fields above but `created`, in hex: tells damage from a wrong
  /// passphrase.
  public var check: String

  /// The checksum of this slot's fields.
  public var computedCheck: String {
    let wrapped = wraps.map { "\($0.epoch):\($0.ephemeral):\($0.box)" }.joined(separator: ",")
    let fields = "\(version)|\(account)|\(kdf)|\(logN)|\(r)|\(p)|\(salt)|\(sealedKey)|\(publicKey)|\(wrapped)"
    return SHA256.hash(data: Data(fields.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
  }

  /// What a slot opened with its passphrase gives: the account's private key and the epoch keys it holds.
  public struct Opened: @unchecked Sendable {
    /// The account id.
    public let account: String
    /// The account's private key.
    public let privateKey: Curve25519.KeyAgreement.PrivateKey
    /// Epoch keys unwrapped from the slot, by epoch.
    public let epochs: [UInt32: SymmetricKey]
  }

  /// Makes a slot for `account` sealing `privateKey` with `passphrase`, holding `epochs` wrapped to it.
  public static func make(
    account: String, privateKey: Curve25519.KeyAgreement.PrivateKey, epochs: [UInt32: SymmetricKey],
    passphrase: String, logN: Int = KeySlot.defaultLogN, created: Date = Date()
  ) throws -> AccountSlot {
    var salt = [UInt8](repeating: 0, count: 16)
    for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
    let derived = try KeySlot.derive(passphrase, salt: salt, logN: logN, r: 8, p: 1)
    let sealed = try AES.GCM.seal(
      privateKey.rawRepresentation, using: derived, authenticating: aad(account))
    let publicKey = Array(privateKey.publicKey.rawRepresentation)
    let wraps = try epochs.keys.sorted().map { epoch in
      let wrap = try EpochKeyWrap.wrap(epochs[epoch]!, epoch: epoch, to: publicKey, account: account)
      return Wrap(
        epoch: epoch, ephemeral: Data(wrap.ephemeral).base64EncodedString(),
        box: Data(wrap.box).base64EncodedString())
    }
    var slot = AccountSlot(
      version: formatVersion, account: account, kdf: "scrypt", logN: logN, r: 8, p: 1,
      salt: Data(salt).base64EncodedString(), sealedKey: sealed.combined!.base64EncodedString(),
      publicKey: Data(publicKey).base64EncodedString(), wraps: wraps,
      created: ISO8601DateFormatter().string(from: created), check: "")
    slot.check = slot.computedCheck
    return slot
  }

  /// The account's keys, or nil when `passphrase` is wrong.
  public func unlock(passphrase: String) throws -> Opened? {
    guard version <= AccountSlot.formatVersion else { throw GAIDeskError(.keyslotNewer) }
    guard check == computedCheck else { throw GAIDeskError(.keyslotDamaged) }
    guard kdf == "scrypt", KeySlot.acceptedLogN.contains(logN), (1...16).contains(r), (1...4).contains(p),
      128 * r * (1 << logN) <= KeySlot.maxMemory,
      let salt = Data(base64Encoded: salt), let sealed = Data(base64Encoded: sealedKey)
    else { throw GAIDeskError(.keyslotCorrupt) }
    let derived = try KeySlot.derive(passphrase, salt: Array(salt), logN: logN, r: r, p: p)
    guard let box = try? AES.GCM.SealedBox(combined: sealed),
      let raw = try? AES.GCM.open(box, using: derived, authenticating: AccountSlot.aad(account)),
      let privateKey = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
    else { return nil }
    var epochs: [UInt32: SymmetricKey] = [:]
    for wrap in wraps {
      guard let ephemeral = Data(base64Encoded: wrap.ephemeral), let sealed = Data(base64Encoded: wrap.box),
        let key = EpochKeyWrap(account: account, ephemeral: Array(ephemeral), box: Array(sealed))
          .unwrap(epoch: wrap.epoch, with: privateKey)
      else { throw GAIDeskError(.keyslotCorrupt) }
      epochs[wrap.epoch] = key
    }
    return Opened(account: account, privateKey: privateKey, epochs: epochs)
  }

  /// The slot as the bytes written to `keys/` and carried by events 40 and 43.
  public var bytes: [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return Array((try? encoder.encode(self)) ?? Data())
  }

  /// The slot file name of `account`.
  public static func fileName(_ account: String) -> String { "slot-\(account).json" }

  private static func aad(_ account: String) -> Data { Data("gaidesk account slot \(account)".utf8) }
}
