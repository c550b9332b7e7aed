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
        return Response(store.articleRepresentations[try ordinal(context.id, in: store)])
    }

    static func claims(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let page = try PageRequest(context.parameters(allowed: PageRequest.parameterNames))
        let claims = store.claimsOfArticle[try ordinal(context.id, in: store)]
        return ListResponse.make(page.take(from: claims, ids: store.claimIds) { _ in true },
                                 of: store.claimRepresentations, for: context.request)
    }

    private static func ordinal(_ id: String, in store: Store) throws(Problem) -> Int {
        guard let ordinal = store.articleIndex[id] else { throw .notFound("no article with id \(quoted(id))") }
        return ordinal
    }
}
