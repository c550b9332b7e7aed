enum ClaimHandlers {
    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: ClaimQuery.parameterNames)
        let page = try ClaimQuery(parameters).page(PageRequest(parameters), in: store)
        return ListResponse.make(page, of: store.claimRepresentations, for: context.request)
    }

    static func item(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        _ = try context.parameters()
        return Response(store.claimRepresentations[try ordinal(context.id, in: store)])
    }

    /// The chain from the publication down to the origin, every entity side-loaded.
    static func provenance(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        _ = try context.parameters()
        return Response(store.provenanceRepresentations[try ordinal(context.id, in: store)])
    }

    private static func ordinal(_ id: String, in store: Store) throws(Problem) -> Int {
        guard let ordinal = store.claimIndex[id] else { throw .notFound("no claim with id \(quoted(id))") }
        return ordinal
    }
}
