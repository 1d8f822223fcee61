// The system's OpenSSL 3 libcrypto (EVP): the journal's bulk AES-256-GCM opening and SHA-256 chain hashing;
// with the C library's getrandom(2), which Swift's Glibc module does not declare, for the sealer's nonces.
#include <openssl/evp.h>
#include <sys/random.h>
