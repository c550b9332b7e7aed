enum ArticleHandlers {
    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let page = try PageRequest(context.parameters(allowed: PageRequest.parameterNames))
            .take(.all(store.articles.count), count: store.articles.count) { store.articles[$0].id }
        return ListResponse.make(page, for: context.request, etag: { store.etags.articles[$0] }) { store.writeArticle($0, into: &$1) }
    }

    static func item(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        _ = try context.parameters()
        let ordinal = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        return context.resource(.article, ordinal, etag: store.etags.article(ordinal), of: store)
    }

    static func claims(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let request = try PageRequest(context.parameters(allowed: PageRequest.parameterNames))
        let article = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        let page = try request.take(.list(store.filters.claimsOfArticle, article), count: store.claims.count) { store.claims.id(of: $0) }
        return ListResponse.make(page, for: context.request, etag: { store.etags.claims[$0] }) { store.writeListedClaim($0, into: &$1) }
    }
}
