enum ArticleHandlers {
    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let page = try PageRequest(context.parameters(allowed: PageRequest.parameterNames))
        return ListResponse.make(page.take(from: nil, ids: store.articleIds) { _ in true },
                                 of: store.articleRepresentations, for: context.request)
    }

    static func item(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        _ = try context.parameters()
        return Response(store.articleRepresentations[try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")])
    }

    static func claims(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let page = try PageRequest(context.parameters(allowed: PageRequest.parameterNames))
        let claims = store.claimsOfArticle[try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")]
        return ListResponse.make(page.take(from: claims, ids: store.claimIds) { _ in true },
                                 of: store.claimRepresentations, for: context.request)
    }
}
