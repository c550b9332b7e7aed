/// An article as a schema.org `NewsArticle` (README, "Formats"; openapi.yaml, `SchemaOrgNewsArticle`): its
/// headline, text and language always; its summary lines as `abstract`, byline as `creditText`, publication date
/// as `datePublished`, `url` and authors only when the dataset has them; its publisher as the node of that entity.
/// Nothing is inferred: an article without a date has no `datePublished`.
final class NewsArticleDocument: LinkedDataDocuments {
    private let articles: [Article]
    private let entities: EntityDirectory

    init(articles: [Article], entities: EntityDirectory) {
        self.articles = articles
        self.entities = entities
    }

    func document(_ ordinal: Int) -> JSON {
        let article = articles[ordinal]
        var members: [(String, JSON)] = [("@context", .string(SchemaOrgVocabulary.context)),
                                         ("@type", .string("NewsArticle")),
                                         ("@id", .string(AnnotationVocabulary.article(article.id))),
                                         ("identifier", .string(article.id)),
                                         ("headline", .string(article.headline))]
        if let url = article.url { members.append(("url", .string(url))) }
        if let published = article.published { members.append(("datePublished", .string(published))) }
        members.append(("inLanguage", .string(article.language)))
        members.append(("publisher", agent(article.publisher)))
        if !article.authors.isEmpty { members.append(("author", .array(article.authors.map(agent)))) }
        if let byline = article.byline { members.append(("creditText", .string(byline))) }
        if !article.summary.isEmpty { members.append(("abstract", .strings(article.summary))) }
        members.append(("articleBody", .string(article.body)))
        return .object(members)
    }

    private func agent(_ id: String) -> JSON {
        let entity = entities[id]
        return .object(SchemaOrgVocabulary.node(entity, as: entity.kind.schemaOrgAgentType))
    }
}
