enum ArticleHandlers {
    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: PageRequest.parameterNames, offering: .jsonOnly)
        let page = try PageRequest(parameters).take(.all(store.articles.count), count: store.articles.count) { store.articles[$0].id }
        _ = try context.negotiate(parameters)
        return ListResponse.make(page, for: context.request, etag: { store.etags.articles[$0] }) { store.writeArticle($0, into: &$1) }
    }

    /// The article; or (`format=jsonld`) a schema.org `NewsArticle`.
    static func item(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(offering: .article)
        let ordinal = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        guard try context.negotiate(parameters) == .jsonLD else {
            return context.resource(.article, ordinal, etag: store.etags.article(ordinal), of: store)
        }
        let article = store.articles[ordinal]
        let agents = ([article.publisher] + article.authors).map { store.entityIndex[$0]! }
        return context.resource(.schemaArticle, ordinal, etag: store.etags.schemaArticle(ordinal, entities: agents),
                                contentType: MediaType.jsonLD, of: store)
    }

    static func claims(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: PageRequest.parameterNames, offering: .jsonOnly)
        let request = try PageRequest(parameters)
        let article = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        let page = try request.take(.list(store.filters.claimsOfArticle, article), count: store.claims.count) { store.claims.id(of: $0) }
        _ = try context.negotiate(parameters)
        return ListResponse.make(page, for: context.request, etag: { store.etags.claims[$0] }) { store.writeListedClaim($0, into: &$1) }
    }
}
