import CCrypto

/// What the server checks requests against: built from a TokenFile, immutable, swapped whole on SIGHUP.
public final class TokenRegistry: Sendable {
    /// Every token's SHA-256 hash, one after the other, in the order of `principals`.
    private let hashes: [UInt8]
    private let principals: [Principal]

    public init(_ file: TokenFile) {
        hashes = file.tokens.flatMap(\.sha256)
        principals = file.tokens.map(\.principal)
    }

    public var count: Int { principals.count }

    /// The principal for a bearer secret, or nil. The presented secret is hashed and compared with every stored
    /// hash in constant time, with no early exit, so that how long this takes says nothing about which bytes or
    /// which token came close. (Comparing hashes rather than secrets also keeps the secrets' length out of it.)
    public func principal(forSecret secret: String) -> Principal? {
        let presented = SHA256Digest.hash(secret)
        var match = -1
        presented.withUnsafeBytes { presented in
            hashes.withUnsafeBytes { hashes in
                for index in principals.indices {
                    let stored = hashes.baseAddress! + index * SHA256Digest.byteCount
                    let differs = CRYPTO_memcmp(stored, presented.baseAddress, SHA256Digest.byteCount)
                    // A select, not a branch out of the loop: a match costs what a miss does. The hashes are of
                    // random secrets, so at most one matches.
                    match = differs == 0 ? index : match
                }
            }
        }
        return match >= 0 ? principals[match] : nil
    }
}
