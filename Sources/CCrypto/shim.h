// OpenSSL's libcrypto, for SHA-256 only (it uses the CPU's SHA instructions where there are some).
// The one-shot SHA256_* calls are deprecated in OpenSSL 3 in favour of EVP, but they keep the
// context a plain struct, so the Swift `SHA256` stays a value type.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
