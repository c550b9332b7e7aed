enum EntityHandlers {
    enum Role: String, CaseIterable {
        case source, subject
    }

    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: EntityQuery.parameterNames)
        let page = try EntityQuery(parameters).page(PageRequest(parameters), in: store)
        return ListResponse.make(page, of: store.entityRepresentations, for: context.request)
    }

    static func item(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        _ = try context.parameters()
        return Response(store.entityRepresentations[try Lookup.ordinal(of: context.id, in: store.entityIndex, kind: "entity")])
    }

    /// Claims with the entity on their chain (`role=source`), among their subjects (`role=subject`), or either.
    static func claims(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: PageRequest.parameterNames.union(["role"]))
        let role: Role? = try parameters.choice("role")
        let facts = store.entityFacts[try Lookup.ordinal(of: context.id, in: store.entityIndex, kind: "entity")]
        let claims = switch role {
        case .source: facts.asSource
        case .subject: facts.asSubject
        case nil: facts.asEither
        }
        let page = try PageRequest(parameters)
        return ListResponse.make(page.take(from: claims, ids: store.claimIds) { _ in true },
                                 of: store.claimRepresentations, for: context.request)
    }
}
