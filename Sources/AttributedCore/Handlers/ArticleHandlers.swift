enum ArticleHandlers {
    static let listParameterNames: Set = PageRequest.parameterNames.union(ArticleFilters.parameterNames).union(FacetRequest.parameterNames)

    /// The articles, filtered by publisher, date and language: each a posting list over articles, joined.
    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: listParameterNames, offering: .list)
        let request = try PageRequest(parameters)
        let filters = try ArticleFilters(parameters)
        let facetRequest = try FacetRequest(parameters, applicable: FacetName.ofArticles)
        let format = try context.negotiate(parameters)
        let matches = { () -> Conjunction in
            guard let cursors = filters.articleCursors(in: store) else { return Conjunction([]) }
            return Conjunction(cursors.isEmpty ? [.all(store.articles.count)] : cursors)
        }
        let id = { (ordinal: Int) in store.articles[ordinal].id }
        let take = { () -> Page in
            var join = matches()
            return request.take(&join, from: request.firstOrdinal(count: store.articles.count, id: id), id: id)
        }
        if let export = try context.export(format, of: .articles, parameters: parameters, in: store, all: matches, page: take) {
            return export
        }
        let facets = ListFacets(facetRequest, articles: matches(), for: context.request, in: store)
        return ListResponse.make(take(), for: context.request, facets: facets, etag: { store.etags.articles[$0] }) {
            store.writeArticle($0, into: &$1)
        }
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

    /// The article's claims, with the filters and facets of the claims themselves.
    static func claims(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: ClaimQuery.ofArticleParameterNames, offering: .list)
        var query = try ClaimQuery(parameters)
        _ = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        query.article = context.id
        return try ClaimHandlers.respond(query, parameters: parameters, facets: FacetName.ofArticleClaims, context, store)
    }
}
