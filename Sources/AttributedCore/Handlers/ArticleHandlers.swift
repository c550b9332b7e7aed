enum ArticleHandlers {
    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: PageRequest.parameterNames, offering: .list)
        let request = try PageRequest(parameters)
        let format = try context.negotiate(parameters)
        let take = { () throws(Problem) in try request.take(.all(store.articles.count), count: store.articles.count) { store.articles[$0].id } }
        if let export = try context.export(format, of: .articles, parameters: parameters, in: store,
                                           all: { Conjunction([.all(store.articles.count)]) }, page: take) {
            return export
        }
        let page = try take()
        return ListResponse.make(page, for: context.request, etag: { store.etags.articles[$0] }) { store.writeArticle($0, into: &$1) }
    }

    /// The article; or (`format=jsonld`) a schema.org `NewsArticle`.
    static func item(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(offering: .article)
        guard let ordinal = store.articleIndex[context.id] else { throw HistoryHandlers.missingArticle(context.id, context) }
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
        let parameters = try context.parameters(allowed: PageRequest.parameterNames, offering: .list)
        let request = try PageRequest(parameters)
        let article = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        let format = try context.negotiate(parameters)
        let claims = PostingCursor.list(store.filters.claimsOfArticle, article)
        let take = { () throws(Problem) in try request.take(claims, count: store.claims.count) { store.claims.id(of: $0) } }
        if let export = try context.export(format, of: .claims, parameters: parameters, in: store, all: { Conjunction([claims]) },
                                           page: take) {
            return export
        }
        let page = try take()
        return ListResponse.make(page, for: context.request, etag: { store.etags.claims[$0] }) { store.writeListedClaim($0, into: &$1) }
    }
}
