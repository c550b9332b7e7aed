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
        return Response(store.entityRepresentations[try ordinal(context.id, in: store)])
    }

    /// Claims with the entity on their chain (`role=source`), among their subjects (`role=subject`), or either.
    static func claims(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: PageRequest.parameterNames.union(["role"]))
        let role: Role? = try parameters.choice("role")
        let facts = store.entityFacts[try ordinal(context.id, in: store)]
        let claims = switch role {
        case .source: facts.asSource
        case .subject: facts.asSubject
        case nil: Array(Set(facts.asSource).union(facts.asSubject)).sorted()
        }
        let page = try PageRequest(parameters)
        return ListResponse.make(page.take(from: claims, ids: store.claimIds) { _ in true },
                                 of: store.claimRepresentations, for: context.request)
    }

    private static func ordinal(_ id: String, in store: Store) throws(Problem) -> Int {
        guard let ordinal = store.entityIndex[id] else { throw .notFound("no entity with id \(quoted(id))") }
        return ordinal
    }
}
