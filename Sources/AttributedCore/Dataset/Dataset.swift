/// A validated dataset: every reference resolves and every span matches its text.
public struct Dataset: Sendable {
    public var articles: [Article]
    public var entities: [Entity]
    public var claims: [Claim]
    /// The `notes` of each file that has any, in file order.
    public var notes: [String]
    /// A hash of every input byte: the same input always gives the same version.
    public var version: String
}
