import Crypto
import Foundation

/// Seals and opens payloads with AES-256-GCM under a key derived from the office master key.
/// (`SymmetricKey` is immutable, so sharing a sealer across threads is safe.)
public struct Sealer: @unchecked Sendable {
  /// Bytes added to a sealed payload: a 12-byte nonce and a 16-byte tag.
  public static let overhead = 28

  /// The derived key (the journal's bulk opener sets up its own context with it).
  let key: SymmetricKey

  /// A sealer for `purpose` (e.g. "journal", "cache"), derived from `masterKey` with HKDF-SHA256.
  public init(masterKey: SymmetricKey, purpose: String) {
    key = HKDF<SHA256>.deriveKey(
      inputKeyMaterial: masterKey, info: Data("gaidesk \(purpose) v1".utf8), outputByteCount: 32)
  }

  /// Seals `plaintext` with `aad` authenticated alongside; returns nonce ‖ ciphertext ‖ tag.
  public func seal(_ plaintext: [UInt8], authenticating aad: [UInt8]) throws -> [UInt8] {
    let box = try AES.GCM.seal(plaintext, using: key, nonce: AES.GCM.Nonce(), authenticating: aad)
    var out = [UInt8]()
    out.reserveCapacity(plaintext.count + Sealer.overhead)
    out.append(contentsOf: box.nonce)
    out.append(contentsOf: box.ciphertext)
    out.append(contentsOf: box.tag)
    return out
  }

  /// Opens what `seal` produced; nil when the bytes or the authenticated data were altered.
  public func open(_ sealed: ArraySlice<UInt8>, authenticating aad: [UInt8]) -> [UInt8]? {
    guard sealed.count >= Sealer.overhead else { return nil }
    let nonceEnd = sealed.startIndex + 12
    let tagStart = sealed.endIndex - 16
    guard let nonce = try? AES.GCM.Nonce(data: sealed[sealed.startIndex..<nonceEnd]),
      let box = try? AES.GCM.SealedBox(
        nonce: nonce, ciphertext: sealed[nonceEnd..<tagStart], tag: sealed[tagStart...]),
      let plain = try? AES.GCM.open(box, using: key, authenticating: aad)
    else { return nil }
    return [UInt8](plain)
  }
}
