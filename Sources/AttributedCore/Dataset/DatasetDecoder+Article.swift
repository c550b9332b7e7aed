extension DatasetDecoder {
    private static let publisherKinds: Set<EntityKind> = [.publication, .organization]

    func decodeArticle(_ record: RecordNode) -> Article? {
        let values = reader(for: record)
        guard let article = RecordReader(record.node, record.path, values) else { return nil }
        let id = article.read("id", values.id)
        let headline = article.read("headline") { values.string($0, $1) }
        let summary = article.read("summary", default: []) { node, path in values.array(node, path) { values.string($0, $1) } }
        let body = article.read("body") { values.string($0, $1) }
        let publisher = article.read("publisher", entityReference(values))
        // Left out: no authors, byline, date or URL, and an undetermined language (BCP 47 "und").
        let authors = article.read("authors", default: [], entityReferences(values))
        let byline = article.read("byline", default: nil, nullableString(values))
        let published = article.read("published", default: nil) { node, path in
            values.nullable(node, path) { values.formatted($0, $1, .publicationDate) }
        }
        let url = article.read("url", default: nil) { node, path in
            values.nullable(node, path) { values.formatted($0, $1, .httpURL) }
        }
        let language = article.read("language", default: "und") { values.formatted($0, $1, .languageTag) }
        article.rejectUnknownKeys(["id", "headline", "summary", "body", "publisher", "authors", "byline", "published",
                                   "url", "language"])

        var consistent = true
        if let publisher, let kind = kind(ofEntity: publisher), !Self.publisherKinds.contains(kind) {
            article.report("publisher \"\(publisher)\" is of kind \"\(kind.rawValue)\"; it must be a publication or an organization",
                           at: "publisher")
            consistent = false
        }

        guard consistent, !registry.isDuplicate(record), let id, let headline, let summary, let body, let publisher,
              let authors, let byline, let published, let url, let language
        else { return nil }
        return Article(id: id, headline: headline, summary: summary, body: body, publisher: publisher, authors: authors,
                       byline: byline, published: published, url: url, language: language)
    }
}
