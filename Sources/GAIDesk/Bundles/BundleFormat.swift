import Crypto
import Foundation

/// A pass of a long bundle job, for progress lines and bars.
public enum BundleStep: Sendable {
  /// Reading the segments to hash what the bundle will carry.
  case reading
  /// Copying the records into the bundle.
  case writing
  /// Checking and decrypting a bundle's records before anything is written.
  case verifying
  /// Appending the records to the office's logs.
  case importing
}

/// Hears a long bundle job: the pass, records done in it, and the pass's total.
public typealias BundleProgress = (BundleStep, Int, Int) -> Void

/// The bundle file layout: magic, version, manifest length, manifest, manifest tag, then the sections.
public enum BundleFormat {
  /// The first eight bytes of every bundle.
  public static let magic: [UInt8] = Array("GAIDBNDL".utf8)
  /// The bundle format this program writes and the newest it reads.
  public static let version: UInt16 = 1
  /// Bytes before the manifest: magic, version, manifest length.
  public static let prefixSize = 8 + 2 + 4
  /// The size of the manifest's authentication tag (HMAC-SHA256).
  public static let tagSize = 32
  /// The largest manifest accepted (a crafted length must not cost memory).
  public static let maxManifestSize = 16 << 20
  /// How much of a section is read at a time (at least one largest record): memory stays bounded.
  public static let chunkSize = 4 << 20
  /// The file name extension of bundles.
  public static let fileExtension = "gaibundle"

  /// The key that authenticates manifests: HKDF-SHA256 of the office master key, `gaidesk bundle v1`.
  static func key(masterKey: SymmetricKey) -> SymmetricKey {
    HKDF<SHA256>.deriveKey(
      inputKeyMaterial: masterKey, info: Data("gaidesk bundle v1".utf8), outputByteCount: 32)
  }

  /// The tag of the bytes before it (prefix and manifest).
  static func tag(_ bytes: [UInt8], key: SymmetricKey) -> [UInt8] {
    Array(HMAC<SHA256>.authenticationCode(for: bytes, using: key))
  }

  /// Whether `tag` authenticates `bytes` (compared in constant time).
  static func isValid(tag: [UInt8], for bytes: [UInt8], key: SymmetricKey) -> Bool {
    HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: bytes, using: key)
  }

  /// The prefix for a manifest of `length` bytes.
  static func prefix(manifestLength length: Int) -> [UInt8] {
    var w = ByteWriter(capacity: prefixSize)
    w.write(raw: magic)
    w.write(version)
    w.write(UInt32(length))
    return w.bytes
  }
}
