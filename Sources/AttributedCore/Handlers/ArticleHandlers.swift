enum ArticleHandlers {
    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: PageRequest.parameterNames, offering: .jsonOnly)
        let page = try PageRequest(parameters).take(.all(store.articles.count), count: store.articles.count) { store.articles[$0].id }
        _ = try context.negotiate(parameters)
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
        let parameters = try context.parameters(allowed: PageRequest.parameterNames, offering: .jsonOnly)
        let request = try PageRequest(parameters)
        let article = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        let page = try request.take(.list(store.filters.claimsOfArticle, article), count: store.claims.count) { store.claims.id(of: $0) }
        _ = try context.negotiate(parameters)
        return ListResponse.make(page, for: context.request, etag: { store.etags.claims[$0] }) { store.writeListedClaim($0, into: &$1) }
    }
}
