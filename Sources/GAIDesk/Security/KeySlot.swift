import Crypto
import Foundation
import _CryptoExtras

/// One passphrase's way into the office: the master key sealed by a scrypt-derived key, restic-style.
public struct KeySlot: Codable, Sendable, Equatable {
  /// The slot file format version.
  public static let formatVersion = 1
  /// The default scrypt cost exponent for new slots (N = 2^17, r 8, p 1: 128 MiB, about 0.4 s here).
  public static let defaultLogN = 17
  /// The cost exponents accepted when unlocking (and offered by `init`).
  public static let acceptedLogN = 10...20
  /// The most memory scrypt may use to unlock a slot.
  public static let maxMemory = 1 << 30

  /// Format version of this slot.
  public var version: Int
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
  /// The master key sealed with AES-GCM under the derived key, base64.
  public var sealedKey: String
  /// When the slot was made (ISO 8601), for the record.
  public var created: String
  /// A checksum of the fields above (but `created`), so that damage is told from a wrong passphrase; slots
  /// written before it have none.
  public var check: String?

  /// The checksum of this slot's fields: the first 16 bytes of their SHA-256, in hex.
  public var computedCheck: String {
    let fields = "\(version)|\(kdf)|\(logN)|\(r)|\(p)|\(salt)|\(sealedKey)"
    return SHA256.hash(data: Data(fields.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
  }

  /// Makes a slot that unlocks `masterKey` with `passphrase`.
  public static func make(
    for masterKey: SymmetricKey, passphrase: String, logN: Int = defaultLogN, created: Date = Date()
  ) throws -> KeySlot {
    var salt = [UInt8](repeating: 0, count: 16)
    for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
    let derived = try derive(passphrase, salt: salt, logN: logN, r: 8, p: 1)
    let sealed = try AES.GCM.seal(
      masterKey.withUnsafeBytes { Array($0) }, using: derived, authenticating: Data("gaidesk key slot".utf8))
    var slot = KeySlot(
      version: formatVersion, kdf: "scrypt", logN: logN, r: 8, p: 1,
      salt: Data(salt).base64EncodedString(), sealedKey: sealed.combined!.base64EncodedString(),
      created: ISO8601DateFormatter().string(from: created))
    slot.check = slot.computedCheck
    return slot
  }

  /// The master key, or nil when `passphrase` is wrong.
  public func unlock(passphrase: String) throws -> SymmetricKey? {
    guard version <= KeySlot.formatVersion else { throw GAIDeskError(.keyslotNewer) }
    if let check, check != computedCheck { throw GAIDeskError(.keyslotDamaged) }
    // Only what GAIDesk writes, with a margin: a crafted slot must not cost gigabytes or minutes.
    guard kdf == "scrypt", KeySlot.acceptedLogN.contains(logN), (1...16).contains(r), (1...4).contains(p),
      128 * r * (1 << logN) <= KeySlot.maxMemory,
      let salt = Data(base64Encoded: salt), let sealed = Data(base64Encoded: sealedKey)
    else { throw GAIDeskError(.keyslotCorrupt) }
    let derived = try KeySlot.derive(passphrase, salt: Array(salt), logN: logN, r: r, p: p)
    guard let box = try? AES.GCM.SealedBox(combined: sealed),
      let key = try? AES.GCM.open(box, using: derived, authenticating: Data("gaidesk key slot".utf8)),
      key.count == 32
    else { return nil }
    return SymmetricKey(data: key)
  }

  static func derive(_ passphrase: String, salt: [UInt8], logN: Int, r: Int, p: Int) throws
    -> SymmetricKey
  {
    do {
      return try KDF.Scrypt.deriveKey(
        from: Array(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: 1 << logN, blockSize: r,
        parallelism: p, maxMemory: maxMemory + (1 << 24))
    } catch {
      throw GAIDeskError(.keyslotCorrupt)
    }
  }
}
