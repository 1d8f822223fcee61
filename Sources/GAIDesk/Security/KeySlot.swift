import Crypto
import Foundation

/// A master-key slot from before accounts (version 1): the office master key sealed by a scrypt-derived key,
/// restic-style. Read only to turn an office from before accounts into one with accounts.
public struct KeySlot: Codable, Sendable, Equatable {
  /// The slot file format version.
  public static let formatVersion = 1

  /// Format version of this slot.
  public var version: Int
  /// How the passphrase opens the slot: scrypt's cost and salt, and the master key sealed under the derived
  /// key (flat in the JSON).
  public var scrypt: ScryptParameters
  /// When the slot was made (ISO 8601), for the record.
  public var created: String
  /// A checksum of the fields above (but `created`), so that damage is told from a wrong passphrase; slots
  /// written before it have none.
  public var check: String?

  /// The checksum of this slot's fields: the first 16 bytes of their SHA-256, in hex.
  public var computedCheck: String {
    let fields = "\(version)|\(scrypt.checkFields)"
    return SHA256.hash(data: Data(fields.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
  }

  /// Makes a slot that unlocks `masterKey` with `passphrase` (tests make offices from before accounts).
  public static func make(
    for masterKey: SymmetricKey, passphrase: String, logN: Int = ScryptParameters.defaultLogN,
    created: Date = Date()
  ) throws -> KeySlot {
    let scrypt = try ScryptParameters.seal(
      masterKey.withUnsafeBytes { Array($0) }, passphrase: passphrase, logN: logN, authenticating: aad)
    var slot = KeySlot(
      version: formatVersion, scrypt: scrypt, created: ISO8601DateFormatter().string(from: created))
    slot.check = slot.computedCheck
    return slot
  }

  /// The master key, or nil when `passphrase` is wrong.
  public func unlock(passphrase: String) throws -> SymmetricKey? {
    guard version <= KeySlot.formatVersion else { throw GAIDeskError(.keyslotNewer) }
    if let check, check != computedCheck { throw GAIDeskError(.keyslotDamaged) }
    guard let key = try scrypt.open(passphrase: passphrase, authenticating: KeySlot.aad) else { return nil }
    guard key.count == 32 else { throw GAIDeskError(.keyslotCorrupt) }
    return SymmetricKey(data: key)
  }

  private static let aad = Data("gaidesk key slot".utf8)
}

extension KeySlot {
  fileprivate enum CodingKeys: String, CodingKey {
    case version, created, check
  }

  /// Reads a slot whose scrypt fields sit flat beside the others.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    version = try container.decode(Int.self, forKey: .version)
    scrypt = try ScryptParameters(from: decoder)
    created = try container.decode(String.self, forKey: .created)
    check = try container.decodeIfPresent(String.self, forKey: .check)
  }

  /// Writes the slot with its scrypt fields flat beside the others.
  public func encode(to encoder: any Encoder) throws {
    try scrypt.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(version, forKey: .version)
    try container.encode(created, forKey: .created)
    try container.encodeIfPresent(check, forKey: .check)
  }
}
