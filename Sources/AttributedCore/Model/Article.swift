public struct Article: Sendable {
    public var id: String
    /// The headline, body and summary, held once, in a buffer the claim table reads quotes from by address.
    public let texts: ArticleTexts
    public var publisher: String
    public var authors: [String]
    public var byline: String?
    public var published: String?
    public var url: String?
    public var language: String

    public var headline: String { texts.string(ofSlot: ArticleTexts.headlineSlot) }
    public var body: String { texts.string(ofSlot: ArticleTexts.bodySlot) }
    /// A copy of every bullet, made on each call.
    public var summary: [String] { (0..<texts.summaryCount).compactMap { text(of: .summary, index: $0) } }

    public init(id: String, headline: String, summary: [String], body: String, publisher: String, authors: [String],
                byline: String?, published: String?, url: String?, language: String) {
        self.id = id
        texts = ArticleTexts(headline: headline, body: body, summary: summary)
        self.publisher = publisher
        self.authors = authors
        self.byline = byline
        self.published = published
        self.url = url
        self.language = language
    }

    /// The text of one field: the offset space of spans and cues.
    public func text(of field: ArticleField, index: Int?) -> String? {
        texts.slot(field, index: index).map { texts.string(ofSlot: $0) }
    }
}
