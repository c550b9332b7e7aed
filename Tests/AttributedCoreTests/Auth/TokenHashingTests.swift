import Testing
@testable import AttributedCore

/// SHA-256 through libcrypto and the secrets' form: what every stored hash and every check rests on.
@Suite("Token hashing and secrets")
struct TokenHashingTests {
    /// FIPS 180-2's test vectors (and the empty message).
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesTheStandardVectors(_ message: String, _ hex: String) {
        #expect(SHA256Digest.hex(SHA256Digest.hash(message)) == hex)
        #expect(SHA256Digest.bytes(fromHex: hex) == SHA256Digest.hash(message))
    }

    @Test func hexIsReadInEitherCaseAndNothingElse() {
        let upper = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"
        #expect(SHA256Digest.bytes(fromHex: upper) == SHA256Digest.hash("abc"))
        #expect(SHA256Digest.bytes(fromHex: String(upper.dropLast())) == nil)
        #expect(SHA256Digest.bytes(fromHex: String(upper.dropLast()) + "g") == nil)
        #expect(SHA256Digest.bytes(fromHex: upper + "00") == nil)
    }

    /// RFC 4648 §10's vectors, in the URL alphabet without padding.
    @Test func base64URLMatchesTheStandardVectors() {
        let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors { #expect(TokenSecret.base64URL(Array(plain.utf8)) == encoded) }
        #expect(TokenSecret.base64URL([0xFB, 0xFF, 0xBF]) == "-_-_")
    }

    @Test func secretsAreAtdAnd43Base64URLCharactersAndDiffer() {
        let secrets = (0..<100).map { _ in TokenSecret.generate() }
        for secret in secrets {
            #expect(secret.hasPrefix("atd_"))
            let body = secret.dropFirst(4)
            #expect(body.count == 43)
            #expect(body.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
                || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) })
            #expect(BearerCredentials.token(fromAuthorization: "Bearer \(secret)") == secret)
        }
        #expect(Set(secrets).count == secrets.count)
    }
}
