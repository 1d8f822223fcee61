// The system's OpenSSL 3 libcrypto (EVP): the journal's bulk AES-256-GCM opening and SHA-256 chain hashing.
#include <openssl/evp.h>
