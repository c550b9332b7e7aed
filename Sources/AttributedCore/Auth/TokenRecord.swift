/// One token as the tokens file keeps it: everything but the secret, of which only the SHA-256 hash is stored.
public struct TokenRecord: Sendable, Equatable {
    public var name: String
    public var scope: TokenScope
    /// nil: any publisher (see `Principal.publishers`).
    public var publishers: [String]?
    /// SHA-256 of the secret's UTF-8 bytes: 32 bytes.
    public var sha256: [UInt8]
    /// When it was made, RFC 3339 in UTC ("2026-12-07T10:00:00Z"): for people deciding what to revoke.
    public var created: String

    public init(name: String, scope: TokenScope, publishers: [String]?, sha256: [UInt8], created: String) {
        self.name = name
        self.scope = scope
        self.publishers = publishers
        self.sha256 = sha256
        self.created = created
    }

    public var principal: Principal { Principal(name: name, scope: scope, publishers: publishers) }
}
