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
  /// How the passphrase opens the slot: scrypt's cost and salt, and the account's Curve25519 private key
  /// sealed under the derived key (flat in the JSON).
  public var scrypt: ScryptParameters
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
    let fields = "\(version)|\(account)|\(scrypt.checkFields)|\(publicKey)|\(wrapped)"
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
    passphrase: String, logN: Int = ScryptParameters.defaultLogN, created: Date = Date()
  ) throws -> AccountSlot {
    let scrypt = try ScryptParameters.seal(
      Array(privateKey.rawRepresentation), passphrase: passphrase, logN: logN, authenticating: aad(account))
    let publicKey = Array(privateKey.publicKey.rawRepresentation)
    let wraps = try epochs.keys.sorted().map { epoch in
      let wrap = try EpochKeyWrap.wrap(epochs[epoch]!, epoch: epoch, to: publicKey, account: account)
      return Wrap(
        epoch: epoch, ephemeral: Data(wrap.ephemeral).base64EncodedString(),
        box: Data(wrap.box).base64EncodedString())
    }
    var slot = AccountSlot(
      version: formatVersion, account: account, scrypt: scrypt,
      publicKey: Data(publicKey).base64EncodedString(), wraps: wraps,
      created: ISO8601DateFormatter().string(from: created), check: "")
    slot.check = slot.computedCheck
    return slot
  }

  /// The account's keys, or nil when `passphrase` is wrong.
  public func unlock(passphrase: String) throws -> Opened? {
    guard version <= AccountSlot.formatVersion else { throw GAIDeskError(.keyslotNewer) }
    guard check == computedCheck else { throw GAIDeskError(.keyslotDamaged) }
    guard let raw = try scrypt.open(passphrase: passphrase, authenticating: AccountSlot.aad(account)) else {
      return nil
    }
    guard let privateKey = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else {
      throw GAIDeskError(.keyslotCorrupt)
    }
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

extension AccountSlot {
  fileprivate enum CodingKeys: String, CodingKey {
    case version, account, publicKey, wraps, created, check
  }

  /// Reads a slot whose scrypt fields sit flat beside the others.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    version = try container.decode(Int.self, forKey: .version)
    account = try container.decode(String.self, forKey: .account)
    scrypt = try ScryptParameters(from: decoder)
    publicKey = try container.decode(String.self, forKey: .publicKey)
    wraps = try container.decode([Wrap].self, forKey: .wraps)
    created = try container.decode(String.self, forKey: .created)
    check = try container.decode(String.self, forKey: .check)
  }

  /// Writes the slot with its scrypt fields flat beside the others.
  public func encode(to encoder: any Encoder) throws {
    try scrypt.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(version, forKey: .version)
    try container.encode(account, forKey: .account)
    try container.encode(publicKey, forKey: .publicKey)
    try container.encode(wraps, forKey: .wraps)
    try container.encode(created, forKey: .created)
    try container.encode(check, forKey: .check)
  }
}
