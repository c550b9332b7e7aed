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

/// W3C TextPositionSelector and TextQuoteSelector over one field of the article, in Unicode scalars: the covering
/// range, from the first segment's start to the last one's end (so `exact` is the real text between them), and the
/// segments themselves, one for a contiguous span.
public struct TextSpan: Sendable {
    public var field: ArticleField
    public var index: Int?
    public var start: Int
    public var end: Int
    public var exact: String
    public var prefix: String
    public var suffix: String
    /// In text order, not overlapping; a quote interrupted by its attribution ("The plan," he said, "will work.")
    /// has several.
    public var segments: [TextSegment]
}

/// One contiguous piece of a span, with its own position and quote selectors.
public struct TextSegment: Sendable, Equatable {
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
