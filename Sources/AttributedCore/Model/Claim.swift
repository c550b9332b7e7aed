public struct Claim: Sendable {
    public var id: String
    public var article: String
    public var span: TextSpan
    public var text: String
    public var about: [String]
    public var proposition: String
    /// The publication first, the origin last.
    public var chain: [AttributionLink]

    public var depth: Int { chain.count }
    public var origin: String { chain[chain.count - 1].source }
}

/// W3C TextPositionSelector and TextQuoteSelector over one field of the article, in Unicode scalars.
public struct TextSpan: Sendable {
    public var field: ArticleField
    public var index: Int?
    public var start: Int
    public var end: Int
    public var exact: String
    public var prefix: String
    public var suffix: String
}

public struct AttributionLink: Sendable {
    public var source: String
    public var cue: Cue?
    public var mode: AttributionMode
    public var attributionType: AttributionType
    public var factuality: Factuality
    public var recipient: String?
    public var derivation: Derivation?
}

/// The attributing words ("told", "It has been reported that"), in the same field as the claim's span.
public struct Cue: Sendable {
    public var text: String
    public var start: Int
    public var end: Int
}
