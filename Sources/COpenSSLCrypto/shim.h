// The system's OpenSSL 3 libcrypto (EVP): the journal's bulk AES-256-GCM opening and SHA-256 chain hashing;
// its random generator (RAND_bytes) for the sealer's nonces.
#include <openssl/evp.h>
#include <openssl/rand.h>
