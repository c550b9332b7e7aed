import Foundation

/// Who may do what on a server started with `--tokens`: writes need a `write` token, and with `--private` every
/// `/v1/` and `/explore/` route needs a token (the probes, `/metrics` and the contract stay open). The tokens are
/// swapped whole when the file is read again (SIGHUP).
public final class AccessControl: Sendable {
    private let registry: Locked<TokenRegistry>
    public let isPrivate: Bool
    /// The largest write body read (`--max-body`); a larger one is 413 before it is read.
    public let maxBody: Int
    private let throttle: AuthenticationThrottle

    public static let defaultMaxBody = 8 << 20

    public init(tokens: TokenRegistry, isPrivate: Bool = false, maxBody: Int = AccessControl.defaultMaxBody,
                throttle: AuthenticationThrottle = AuthenticationThrottle()) {
        registry = Locked(tokens)
        self.isPrivate = isPrivate
        self.maxBody = maxBody
        self.throttle = throttle
    }

    public func replaceTokens(_ tokens: TokenRegistry) { registry.withLock { $0 = tokens } }

    /// Whether a read of `path` needs a token.
    func readRequiresToken(_ path: String) -> Bool {
        isPrivate && (path.hasPrefix("/v1/") || path.hasPrefix("/explore/"))
    }

    /// The principal of the request's bearer token; nil without an `Authorization` header. A token the server does
    /// not know is 401 and counts against the client's address; past the limit the address gets 429 until its
    /// failures age out, whatever it sends.
    func authenticate(_ request: Request, now: Double = Date().timeIntervalSince1970) throws(Problem) -> Principal? {
        guard let header = request.authorization else { return nil }
        let address = request.clientAddress ?? "-"
        if let seconds = throttle.retryAfter(address: address, now: now) { throw .tooManyFailures(retryAfter: seconds) }
        guard let secret = BearerCredentials.token(fromAuthorization: header),
              let principal = registry.withLock({ $0 }).principal(forSecret: secret) else {
            throttle.recordFailure(address: address, now: now)
            throw .unauthorized("the bearer token is not valid here", invalidToken: true)
        }
        throttle.recordSuccess(address: address)
        return principal
    }

    /// The name of the token an `Authorization` header carries, for the access log (never the secret); nil without
    /// one or for an unknown one. Counts nothing against the client.
    public func tokenName(forAuthorization header: String?) -> String? {
        guard let secret = BearerCredentials.token(fromAuthorization: header) else { return nil }
        return registry.withLock { $0 }.principal(forSecret: secret)?.name
    }

    /// A principal that may write, or the reason it may not.
    func writer(_ principal: Principal?) throws(Problem) -> Principal {
        guard let principal else { throw .unauthorized("writes need a bearer token with the write scope", invalidToken: false) }
        guard principal.scope == .write else {
            throw .forbidden("token \(quoted(principal.name)) has the read scope; writes need a write token")
        }
        return principal
    }
}
