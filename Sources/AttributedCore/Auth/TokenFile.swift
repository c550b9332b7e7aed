import Foundation

/// The tokens file: who may call the write API. Only SHA-256 hashes of secrets are stored, so that a leaked or
/// backed-up copy grants nothing. JSON, pretty printed, keys sorted, e.g.
///
///     {"format":"attributed-tokens/1","tokens":[{"name":"desk-a","scope":"write","publishers":["pakistan-today"],
///       "sha256":"<64 hex>","created":"2026-12-07T10:00:00Z"}]}
public struct TokenFile: Sendable {
    public static let format = "attributed-tokens/1"

    public var tokens: [TokenRecord]

    public init(tokens: [TokenRecord] = []) {
        self.tokens = tokens
    }

    /// Adds a token and returns its secret, which is stored nowhere: the caller shows it once.
    public mutating func create(name: String, scope: TokenScope, publishers: [String]?, now: Date)
        throws(TokenFileError) -> String {
        if let problem = TokenRules.problem(withName: name) { throw TokenFileError(problem) }
        if let problem = TokenRules.problem(withPublishers: publishers, scope: scope) { throw TokenFileError(problem) }
        guard !tokens.contains(where: { $0.name == name }) else {
            throw TokenFileError("a token named \"\(name)\" exists already (revoke it first to replace it)")
        }
        let secret = TokenSecret.generate()
        tokens.append(TokenRecord(name: name, scope: scope, publishers: publishers,
                                  sha256: SHA256Digest.hash(secret), created: Self.timestamp(now)))
        return secret
    }

    public mutating func revoke(name: String) throws(TokenFileError) {
        guard let index = tokens.firstIndex(where: { $0.name == name }) else {
            throw TokenFileError("no token named \"\(name)\"")
        }
        tokens.remove(at: index)
    }

    /// Whole seconds in UTC: the file records the day and time for people, not an instant to compute with.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
            + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
