enum ClaimHandlers {
    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: ClaimQuery.parameterNames)
        let page = try ClaimQuery(parameters).page(PageRequest(parameters), in: store)
        return ListResponse.make(page, for: context.request, etag: { store.etags.claims[$0] }) { store.writeListedClaim($0, into: &$1) }
    }

    static func item(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        _ = try context.parameters()
        let ordinal = try Lookup.claim(context.id, in: store)
        return context.resource(.claim, ordinal, etag: store.etags.claim(ordinal), of: store)
    }

    /// The chain from the publication down to the origin, every entity side-loaded.
    static func provenance(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        _ = try context.parameters()
        let ordinal = try Lookup.claim(context.id, in: store)
        return context.resource(.provenance, ordinal, etag: store.etags.provenance(ordinal), of: store)
    }
}
