/// Decodes records into the model, checking shape, references and cross-field rules as it goes.
/// Entities are decoded first, then articles (which need entity kinds), then claims (which need both).
/// A class, so that its closures capture one reference rather than copies of its dictionaries.
final class DatasetDecoder {
    let registry: IdRegistry
    let issues: IssueCollector
    /// The registered entities in order, found by their ids' bytes: their ids and kinds alone, so that a reference
    /// copies no `Entity` (a claim's direct read resolves several).
    private(set) var entityReferences = ReferenceIndex([])
    private(set) var entityIds: [String] = []
    private(set) var entityKindList: [EntityKind] = []
    private(set) var articles: [String: Article] = [:]
    private var articleTexts: [String: ArticleText] = [:]
    /// This worker's index of the long field it searches quotes in, if any.
    let quoteIndexes = QuoteIndexCache()
    /// The registered articles in order, found by their ids' bytes, with what a claim read directly needs of each,
    /// shared by reference (see `decodeClaimDirectly`).
    private(set) var articleReferences = ReferenceIndex([])
    private(set) var directArticles: [DirectArticle] = []
    /// The article of the claim this worker last read directly.
    var lastDirectArticle: DirectArticle?

    init(registry: IdRegistry, issues: IssueCollector) {
        self.registry = registry
        self.issues = issues
    }

    func register(_ entities: [Entity]) {
        entityIds = entities.map(\.id)
        entityKindList = entities.map(\.kind)
        entityReferences = ReferenceIndex(entityIds)
    }

    func kind(ofEntity id: String) -> EntityKind? { entityReferences.ordinal(of: id).map { entityKindList[$0] } }

    /// The articles with their texts as offset spaces (built on every core by the loader).
    func register(_ articles: [Article], texts: [ArticleText]) {
        for (article, text) in zip(articles, texts) {
            self.articles[article.id] = article
            articleTexts[article.id] = text
        }
        directArticles = zip(articles, texts).map { DirectArticle(id: $0.id, publisher: $0.publisher, text: $1) }
        articleReferences = ReferenceIndex(articles.map(\.id))
    }

    func text(ofArticle id: String) -> ArticleText? { articleTexts[id] }

    /// The same decoder, reporting to another collector: one per worker thread.
    func reporting(to issues: IssueCollector) -> DatasetDecoder {
        let decoder = DatasetDecoder(registry: registry, issues: issues)
        (decoder.entityReferences, decoder.entityIds, decoder.entityKindList) = (entityReferences, entityIds, entityKindList)
        (decoder.articleReferences, decoder.directArticles) = (articleReferences, directArticles)
        decoder.articles = articles
        decoder.articleTexts = articleTexts
        return decoder
    }

    // MARK: Shared readers

    func reader(for record: RecordNode) -> ValueReader { ValueReader(file: record.file, issues: issues) }

    func nullableString(_ values: ValueReader) -> (JSONNode, JSONPath) -> String?? {
        { node, path in values.nullable(node, path) { values.string($0, $1) } }
    }

    func entityReference(_ values: ValueReader) -> (JSONNode, JSONPath) -> String? {
        { node, path in
            guard let id = values.id(node, path) else { return nil }
            guard self.registry.entities.contains(id) else {
                values.report("unknown entity \"\(id)\"", node, path)
                return nil
            }
            return id
        }
    }

    func nullableEntityReference(_ values: ValueReader) -> (JSONNode, JSONPath) -> String?? {
        let reference = entityReference(values)
        return { node, path in values.nullable(node, path, reference) }
    }

    func entityReferences(_ values: ValueReader) -> (JSONNode, JSONPath) -> [String]? {
        let reference = entityReference(values)
        return { node, path in values.distinctStrings(node, path, reference) }
    }

    func strings(_ values: ValueReader) -> (JSONNode, JSONPath) -> [String]? {
        { node, path in values.distinctStrings(node, path) { values.string($0, $1) } }
    }
}

/// A claim's article as its direct read needs it: a class, so that each claim retains one reference, not every
/// string of an `Article` and its `ArticleText` (that copying was a tenth of the claims phase at a million claims).
final class DirectArticle: Sendable {
    let id: String
    let publisher: String
    let text: ArticleText

    init(id: String, publisher: String, text: ArticleText) {
        self.id = id
        self.publisher = publisher
        self.text = text
    }

    func isNamed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var id = id
        return id.withUTF8 { $0.hasSameBytes(as: bytes) }
    }
}

/// A piece of text quoted in a message, escaped like a JSON string so that newlines stay on one line.
func quoted<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    var bytes: [UInt8] = []
    JSON.writeString(String(view), into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

func quoted(_ string: String) -> String { quoted(string.unicodeScalars) }
