// The system's OpenSSL 3 libcrypto: the journal's AES-256-GCM opening in bulk (gcm_opener.h) and sealing,
// SHA-256 chain hashing; with the C library's getrandom(2), which Swift's Glibc module does not declare, for
// the sealer's nonces.
// SHA-256's own functions (deprecated in OpenSSL 3.0, not removed) hash a short message in ~3/4 of the time
// EVP's digest does: EVP_DigestInit frees and makes its provider context again for every message.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <sys/random.h>
#include "gcm_opener.h"

/// SHA-256 of the `count` bytes at `message` into `digest` (32 bytes), with a context on the stack; 1 when
/// done, 0 when OpenSSL failed.
static inline int gaidesk_sha256(const void *message, size_t count, unsigned char *digest) {
  SHA256_CTX context;
  return SHA256_Init(&context) == 1 && SHA256_Update(&context, message, count) == 1
    && SHA256_Final(digest, &context) == 1;
}
