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
        let parameters = try context.parameters(allowed: PageRequest.parameterNames.union(["role"]), offering: .list)
        let role: Role? = try parameters.choice("role")
        let entity = try Lookup.ordinal(of: context.id, in: store.entityIndex, kind: "entity")
        let lists = switch role {
        case .source: store.filters.claimsBySource
        case .subject: store.filters.claimsBySubject
        case nil: store.filters.claimsByEntity
        }
        let request = try PageRequest(parameters)
        let format = try context.negotiate(parameters)
        let take = { () throws(Problem) in try request.take(.list(lists, entity), count: store.claims.count) { store.claims.id(of: $0) } }
        if let export = try context.export(format, of: .claims, parameters: parameters, in: store,
                                           all: { Conjunction([.list(lists, entity)]) }, page: take) {
            return export
        }
        let page = try take()
        return ListResponse.make(page, for: context.request, etag: { store.etags.claims[$0] }) { store.writeListedClaim($0, into: &$1) }
    }
}
