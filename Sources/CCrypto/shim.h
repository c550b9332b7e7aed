#pragma once
// libcrypto (OpenSSL 3) for API tokens: SHA-256 of a secret, a constant-time comparison of two hashes and secrets
// from the system's CSPRNG. Swift calls these directly; nothing here needs a wrapper.
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
