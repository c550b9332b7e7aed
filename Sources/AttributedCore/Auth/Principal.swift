/// Who a request is, once its bearer token is known.
public struct Principal: Sendable, Equatable {
    /// The token's name, for logs: never its secret.
    public let name: String
    public let scope: TokenScope
    /// nil: any publisher. Otherwise the publisher entity ids whose articles this token may write.
    public let publishers: [String]?

    public init(name: String, scope: TokenScope, publishers: [String]?) {
        self.name = name
        self.scope = scope
        self.publishers = publishers
    }

    public var mayWrite: Bool { scope == .write }

    public func mayWrite(publisher: String) -> Bool {
        guard mayWrite else { return false }
        return publishers?.contains(publisher) ?? true
    }
}
