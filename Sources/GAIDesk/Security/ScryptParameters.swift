import Crypto
import Foundation
import _CryptoExtras

/// How a passphrase becomes a key in a slot file: scrypt with its cost and salt, and the secret it seals.
/// The fields sit flat in the slot's JSON (`kdf`, `logN`, `r`, `p`, `salt`, `sealedKey`), as slots have
/// always written them.
public struct ScryptParameters: Codable, Sendable, Equatable {
  /// The default cost exponent for new slots (N = 2^17, r 8, p 1: 128 MiB, about 0.4 s here).
  public static let defaultLogN = 17
  /// The cost exponents accepted when unlocking (and offered by `init`).
  public static let acceptedLogN = 10...20
  /// The most memory scrypt may use to unlock a slot.
  public static let maxMemory = 1 << 30

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
  /// The secret sealed with AES-GCM under the derived key, base64 (nonce, ciphertext and tag).
  public var sealedKey: String

  /// Whether the parameters are ones GAIDesk writes, with a margin: a crafted slot must not cost gigabytes
  /// or minutes to try.
  public var isWithinBounds: Bool {
    kdf == "scrypt" && ScryptParameters.acceptedLogN.contains(logN) && (1...16).contains(r)
      && (1...4).contains(p) && 128 * r * (1 << logN) <= ScryptParameters.maxMemory
      && Data(base64Encoded: salt) != nil && Data(base64Encoded: sealedKey) != nil
  }

  /// The fields as the slots' checksums have always joined them: `kdf|logN|r|p|salt|sealedKey`.
  var checkFields: String { "\(kdf)|\(logN)|\(r)|\(p)|\(salt)|\(sealedKey)" }

  /// Seals `secret` under a key derived from `passphrase` with a fresh salt at cost `logN` (r 8, p 1).
  public static func seal(_ secret: [UInt8], passphrase: String, logN: Int, authenticating aad: Data) throws
    -> ScryptParameters
  {
    var salt = [UInt8](repeating: 0, count: 16)
    for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
    var parameters = ScryptParameters(
      kdf: "scrypt", logN: logN, r: 8, p: 1, salt: Data(salt).base64EncodedString(), sealedKey: "")
    let sealed = try AES.GCM.seal(secret, using: try parameters.derive(passphrase), authenticating: aad)
    parameters.sealedKey = sealed.combined!.base64EncodedString()
    return parameters
  }

  /// The sealed secret, or nil when `passphrase` is wrong; `keyslotCorrupt` when the parameters are out of
  /// bounds.
  public func open(passphrase: String, authenticating aad: Data) throws -> Data? {
    guard let sealed = Data(base64Encoded: sealedKey) else { throw GAIDeskError(.keyslotCorrupt) }
    let derived = try derive(passphrase)
    guard let box = try? AES.GCM.SealedBox(combined: sealed) else { return nil }
    return try? AES.GCM.open(box, using: derived, authenticating: aad)
  }

  /// The 32-byte key `passphrase` derives under these parameters; `keyslotCorrupt` when they are out of
  /// bounds (checked before any memory is asked for).
  public func derive(_ passphrase: String) throws -> SymmetricKey {
    guard isWithinBounds, let salt = Data(base64Encoded: salt) else { throw GAIDeskError(.keyslotCorrupt) }
    do {
      return try KDF.Scrypt.deriveKey(
        from: Array(passphrase.utf8), salt: Array(salt), outputByteCount: 32, rounds: 1 << logN,
        blockSize: r, parallelism: p, maxMemory: ScryptParameters.maxMemory + (1 << 24))
    } catch {
      throw GAIDeskError(.keyslotCorrupt)
    }
  }
}
