enum ArticleHandlers {
    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: PageRequest.parameterNames, offering: .list)
        let request = try PageRequest(parameters)
        let format = try context.negotiate(parameters)
        if format != .json {
            return try context.export(format, of: .articles, matching: Conjunction([.all(store.articles.count)]), parameters: parameters,
                                      in: store)
        }
        let page = try request.take(.all(store.articles.count), count: store.articles.count) { store.articles[$0].id }
        return ListResponse.make(page, for: context.request, etag: { store.etags.articles[$0] }) { store.writeArticle($0, into: &$1) }
    }

    static func item(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(offering: .jsonOnly)
        let ordinal = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        _ = try context.negotiate(parameters)
        return context.resource(.article, ordinal, etag: store.etags.article(ordinal), of: store)
    }

    static func claims(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: PageRequest.parameterNames, offering: .list)
        let request = try PageRequest(parameters)
        let article = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        let format = try context.negotiate(parameters)
        if format != .json {
            return try context.export(format, of: .claims, matching: Conjunction([.list(store.filters.claimsOfArticle, article)]),
                                      parameters: parameters, in: store)
        }
        let page = try request.take(.list(store.filters.claimsOfArticle, article), count: store.claims.count) { store.claims.id(of: $0) }
        return ListResponse.make(page, for: context.request, etag: { store.etags.claims[$0] }) { store.writeListedClaim($0, into: &$1) }
    }
}
