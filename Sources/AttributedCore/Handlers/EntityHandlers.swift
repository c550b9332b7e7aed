enum EntityHandlers {
    enum Role: String, CaseIterable {
        case source, subject
    }

    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: EntityQuery.parameterNames, offering: .list)
        let query = try EntityQuery(parameters)
        let request = try PageRequest(parameters)
        let format = try context.negotiate(parameters)
        if let export = try context.export(format, of: .entities, parameters: parameters, in: store, all: { () throws(Problem) in try query.matches(in: store) },
                                           page: { () throws(Problem) in try query.page(request, in: store) }) {
            return export
        }
        let page = try query.page(request, in: store)
        return ListResponse.make(page, for: context.request, etag: { store.etags.entities[$0] }) { store.entityBodies.write($0, into: &$1) }
    }

    static func item(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(offering: .jsonOnly)
        let ordinal = try Lookup.ordinal(of: context.id, in: store.entityIndex, kind: "entity")
        _ = try context.negotiate(parameters)
        return context.resource(.entity, ordinal, etag: store.etags.entity(ordinal), of: store)
    }

    /// Claims with the entity on their chain (`role=source`), among their subjects (`role=subject`), or either.
    static func claims(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: ClaimQuery.ofEntityParameterNames, offering: .list)
        let role: Role? = try parameters.choice("role")
        var query = try ClaimQuery(parameters)
        _ = try Lookup.ordinal(of: context.id, in: store.entityIndex, kind: "entity")
        switch role {
        case .source: query.sources.append(context.id)
        case .subject: query.subject = context.id
        case nil: query.entity = context.id
        }
        return try ClaimHandlers.respond(query, parameters: parameters, facets: FacetName.allCases, context, store)
    }
}
