// The system's OpenSSL 3 libcrypto (EVP): the journal's bulk AES-256-GCM opening and sealing, SHA-256 chain
// hashing, and the sealing nonces (RAND_bytes).
#include <openssl/evp.h>
#include <openssl/rand.h>
