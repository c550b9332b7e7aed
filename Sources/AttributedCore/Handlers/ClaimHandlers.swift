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
        return Response(store.claimRepresentations[try Lookup.ordinal(of: context.id, in: store.claimIndex, kind: "claim")])
    }

    /// The chain from the publication down to the origin, every entity side-loaded.
    static func provenance(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        _ = try context.parameters()
        return Response(store.provenanceRepresentations[try Lookup.ordinal(of: context.id, in: store.claimIndex, kind: "claim")])
    }
}
