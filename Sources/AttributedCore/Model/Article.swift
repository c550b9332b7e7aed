public struct Article: Sendable {
    public var id: String
    public var headline: String
    public var summary: [String]
    public var body: String
    public var publisher: String
    public var authors: [String]
    public var byline: String?
    public var published: String?
    public var url: String?
    public var language: String

    /// The text of one field: the offset space of spans and cues.
    public func text(of field: ArticleField, index: Int?) -> String? {
        switch field {
        case .headline: headline
        case .body: body
        case .summary: index.flatMap { summary.indices.contains($0) ? summary[$0] : nil }
        }
    }
}
