import COpenSSLCrypto
import Crypto

/// OpenSSL EVP AES-256-GCM contexts with their key set once: the journal's bulk sealing and opening.
enum EVPCipher {
  /// A new AES-256-GCM context for a 32-byte `key` and 12-byte nonces, to encrypt or to decrypt; nil when
  /// OpenSSL refuses it. The caller frees it with `EVP_CIPHER_CTX_free`.
  static func context(key: SymmetricKey, encrypting: Bool) -> OpaquePointer? {
    guard key.bitCount == 256, let context = EVP_CIPHER_CTX_new() else { return nil }
    let direction: Int32 = encrypting ? 1 : 0
    let ready = key.withUnsafeBytes { key in
      EVP_CipherInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil, direction) == 1
        && EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, 12, nil) == 1
        && EVP_CipherInit_ex(
          context, nil, nil, key.baseAddress!.assumingMemoryBound(to: UInt8.self), nil, direction) == 1
    }
    guard ready else {
      EVP_CIPHER_CTX_free(context)
      return nil
    }
    return context
  }
}
