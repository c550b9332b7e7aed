public struct Entity: Sendable {
    public var id: String
    public var kind: EntityKind
    public var name: String?
    public var descriptor: String?
    public var aliases: [String]
    public var anonymity: Anonymity
    public var anonymityReason: String?
    public var affiliation: String?
    public var roles: [String]
    /// Present exactly when `kind` is `.document`.
    public var document: DocumentDetails?
}

public struct DocumentDetails: Sendable {
    public var issuer: String?
    public var recipients: [String]
    /// As precise as the text gives it: "2014", "2014-10", "2014-10-03".
    public var date: String?
}
