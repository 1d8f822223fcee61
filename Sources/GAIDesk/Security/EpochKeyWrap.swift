import Crypto
import Foundation

/// An epoch key sealed to one account's public key: ephemeral X25519, HKDF-SHA256, AES-256-GCM.
///
/// Anyone may wrap a key to an account knowing only its public key, so an administrator starts a new epoch
/// for the remaining people without knowing their passphrases; only the account's private key opens it.
public struct EpochKeyWrap: Equatable, Sendable {
  /// The account the key is wrapped to.
  public var account: String
  /// The ephemeral public key (32 bytes).
  public var ephemeral: [UInt8]
  /// AES-GCM box (nonce ‖ ciphertext ‖ tag) of the 32-byte epoch key.
  public var box: [UInt8]

  /// Creates a wrap from its parts.
  public init(account: String, ephemeral: [UInt8], box: [UInt8]) {
    self.account = account
    self.ephemeral = ephemeral
    self.box = box
  }

  /// Wraps `key` of `epoch` to the account `account` whose public key is `publicKey`.
  public static func wrap(_ key: SymmetricKey, epoch: UInt32, to publicKey: [UInt8], account: String) throws
    -> EpochKeyWrap
  {
    let recipient = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: publicKey)
    let ephemeral = Curve25519.KeyAgreement.PrivateKey()
    let wrapping = try wrappingKey(
      ephemeral.sharedSecretFromKeyAgreement(with: recipient),
      ephemeral: Array(ephemeral.publicKey.rawRepresentation), recipient: publicKey, epoch: epoch)
    let sealed = try AES.GCM.seal(
      key.withUnsafeBytes { Array($0) }, using: wrapping, authenticating: aad(epoch, account))
    return EpochKeyWrap(
      account: account, ephemeral: Array(ephemeral.publicKey.rawRepresentation), box: Array(sealed.combined!))
  }

  /// The epoch key, or nil when `privateKey` is not the account's or the wrap was altered.
  public func unwrap(epoch: UInt32, with privateKey: Curve25519.KeyAgreement.PrivateKey) -> SymmetricKey? {
    guard let sender = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: ephemeral),
      let secret = try? privateKey.sharedSecretFromKeyAgreement(with: sender),
      let wrapping = try? EpochKeyWrap.wrappingKey(
        secret, ephemeral: ephemeral, recipient: Array(privateKey.publicKey.rawRepresentation), epoch: epoch),
      let box = try? AES.GCM.SealedBox(combined: box),
      let key = try? AES.GCM.open(box, using: wrapping, authenticating: EpochKeyWrap.aad(epoch, account)),
      key.count == 32
    else { return nil }
    return SymmetricKey(data: key)
  }

  private static func wrappingKey(
    _ secret: SharedSecret, ephemeral: [UInt8], recipient: [UInt8], epoch: UInt32
  ) throws -> SymmetricKey {
    secret.hkdfDerivedSymmetricKey(
      using: SHA256.self, salt: ephemeral + recipient, sharedInfo: Data("gaidesk epoch key \(epoch) v1".utf8),
      outputByteCount: 32)
  }

  private static func aad(_ epoch: UInt32, _ account: String) -> Data {
    Data("gaidesk epoch \(epoch) for \(account)".utf8)
  }
}
