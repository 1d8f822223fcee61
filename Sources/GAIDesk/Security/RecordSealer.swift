import COpenSSLCrypto
import Crypto

#if canImport(Glibc)
  import Glibc
#endif

/// Seals this origin's new records: AES-256-GCM through the system's OpenSSL 3 (EVP), the current epoch's
/// cipher context set up once and reused with a fresh random nonce per record, and the chain's SHA-256
/// through one reused digest context.
///
/// It writes exactly what `Sealer.seal` writes (nonce ‖ ciphertext ‖ tag, the clear header authenticated),
/// straight after the header in the record body's one buffer; swift-crypto's `AES.GCM` builds a new
/// context (key schedule, GHASH tables) per call. Falls back to `Sealer` when OpenSSL refuses a key. Not
/// thread-safe: one per journal, used under the append lock.
final class RecordSealer {
  /// The keys it seals with.
  let keyring: Keyring
  /// The current epoch's cipher context; nil when OpenSSL refused its key (swift-crypto seals instead).
  private let currentContext: AESGCMSealContext?
  private let digest = SHA256Context()

  /// A sealer for the records sealed under `keyring`'s epochs.
  init(keyring: Keyring) {
    self.keyring = keyring
    currentContext = AESGCMSealContext(key: keyring.currentSealer.key)
  }

  /// A record body: `header` (authenticated, in clear) ‖ `content` sealed under the current epoch's key.
  func body(header: [UInt8], content: [UInt8]) throws -> [UInt8] {
    guard let context = currentContext else {
      return header + (try keyring.currentSealer.seal(content, authenticating: header))
    }
    var body = [UInt8](repeating: 0, count: header.count + content.count + Sealer.overhead)
    let sealed = body.withUnsafeMutableBytes { out in
      header.withUnsafeBytes { aad in
        out.copyMemory(from: aad)
        return content.withUnsafeBytes { plain in
          context.seal(aad: aad, plain: plain, into: out.baseAddress! + header.count)
        }
      }
    }
    guard sealed else { return header + (try keyring.currentSealer.seal(content, authenticating: header)) }
    return body
  }

  /// SHA-256 of a record body (the next record's `previousHash`), as `ScannedRecord.hash`.
  func hash(_ body: [UInt8]) -> [UInt8] {
    digest?.hash(body[...]) ?? Array(SHA256.hash(data: body))
  }

  /// A record as the segment holds it, `SegmentFormat.frame(body: body(header:content:))`, built in its one
  /// buffer (the frame's length and CRC32C written before the body sealed in place), with the body's
  /// SHA-256 (the next record's `previousHash`).
  func framedRecord(header: [UInt8], content: [UInt8]) throws -> (record: [UInt8], hash: [UInt8]) {
    let frameSize = SegmentFormat.frameHeaderSize
    guard let context = currentContext else {
      let body = try self.body(header: header, content: content)
      return (SegmentFormat.frame(body: body), hash(body))
    }
    let bodySize = header.count + content.count + Sealer.overhead
    var record = [UInt8](repeating: 0, count: frameSize + bodySize)
    let sealed = record.withUnsafeMutableBytes { out in
      let body = UnsafeMutableRawBufferPointer(rebasing: out[frameSize...])
      let done = header.withUnsafeBytes { aad in
        body.copyMemory(from: aad)
        return content.withUnsafeBytes { plain in
          context.seal(aad: aad, plain: plain, into: body.baseAddress! + header.count)
        }
      }
      guard done else { return false }
      out.storeBytes(of: UInt32(bodySize).littleEndian, toByteOffset: 0, as: UInt32.self)
      out.storeBytes(
        of: CRC32C.checksum(buffer: UnsafeRawBufferPointer(body)).littleEndian, toByteOffset: 4,
        as: UInt32.self)
      return true
    }
    guard sealed else {
      let body = header + (try keyring.currentSealer.seal(content, authenticating: header))
      return (SegmentFormat.frame(body: body), hash(body))
    }
    let hash = digest?.hash(record[frameSize...]) ?? Array(SHA256.hash(data: record[frameSize...]))
    return (record, hash)
  }
}

/// One OpenSSL AES-256-GCM encryption context with its key set, reused with a new random nonce per record.
final class AESGCMSealContext {
  private let context: OpaquePointer

  /// A context for a 32-byte key; nil when OpenSSL refuses it.
  init?(key: SymmetricKey) {
    guard key.bitCount == 256, let context = EVP_CIPHER_CTX_new() else { return nil }
    let ready = key.withUnsafeBytes { key in
      EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil) == 1
        && EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, 12, nil) == 1
        && EVP_EncryptInit_ex(context, nil, nil, key.baseAddress!.assumingMemoryBound(to: UInt8.self), nil)
          == 1
    }
    guard ready else {
      EVP_CIPHER_CTX_free(context)
      return nil
    }
    self.context = context
  }

  deinit { EVP_CIPHER_CTX_free(context) }

  /// Seals `plain` with `aad` authenticated, writing a fresh random 12-byte nonce ‖ ciphertext ‖ 16-byte tag
  /// (`plain.count + Sealer.overhead` bytes) to `out`; false when OpenSSL fails.
  func seal(aad: UnsafeRawBufferPointer, plain: UnsafeRawBufferPointer, into out: UnsafeMutableRawPointer)
    -> Bool
  {
    let nonce = out.assumingMemoryBound(to: UInt8.self)
    let cipher = nonce + 12
    var written: Int32 = 0
    guard AESGCMSealContext.randomNonce(nonce), EVP_EncryptInit_ex(context, nil, nil, nil, nonce) == 1 else {
      return false
    }
    if aad.count > 0 {
      guard
        EVP_EncryptUpdate(
          context, nil, &written, aad.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(aad.count))
          == 1
      else { return false }
    }
    var total: Int32 = 0
    if plain.count > 0 {
      guard
        EVP_EncryptUpdate(
          context, cipher, &written, plain.baseAddress!.assumingMemoryBound(to: UInt8.self),
          Int32(plain.count)) == 1
      else { return false }
      total = written
    }
    guard EVP_EncryptFinal_ex(context, cipher + Int(total), &written) == 1 else { return false }
    return EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, 16, cipher + plain.count) == 1
  }

  /// Fills 12 bytes with the kernel's random bytes in one `getrandom` call (where
  /// `SystemRandomNumberGenerator` makes two; OpenSSL's generator costs more than the call here).
  private static func randomNonce(_ nonce: UnsafeMutablePointer<UInt8>) -> Bool {
    while true {
      let count = getrandom(nonce, 12, 0)
      if count == 12 { return true }
      if count >= 0 || errno != EINTR { return false }
    }
  }
}
