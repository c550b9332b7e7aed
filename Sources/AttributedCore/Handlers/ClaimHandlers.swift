enum ClaimHandlers {
    static func list(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: ClaimQuery.parameterNames, offering: .list)
        return try respond(ClaimQuery(parameters), parameters: parameters, facets: FacetName.allCases, context, store)
    }

    /// A claim list (all claims, an article's, an entity's): a page of JSON with the facets asked for, or an export.
    static func respond(_ query: ClaimQuery, parameters: QueryParameters, facets applicable: [FacetName], _ context: RouteContext,
                        _ store: Store) throws(Problem) -> Response {
        let request = try PageRequest(parameters)
        let facetRequest = try FacetRequest(parameters, applicable: applicable)
        let format = try context.negotiate(parameters)
        if let export = try context.export(format, of: .claims, parameters: parameters, in: store, all: { () throws(Problem) in try query.matches(in: store) },
                                           page: { () throws(Problem) in try query.page(request, in: store) }) {
            return export
        }
        let page = try query.page(request, in: store)
        let facets = try ListFacets(facetRequest, claims: { () throws(Problem) in try query.matches(in: store) },
                                    unfiltered: query.isUnfiltered, precounted: query.precountedLists(in: store),
                                    for: context.request, in: store)
        return ListResponse.make(page, for: context.request, facets: facets, etag: { store.etags.claims[$0] }) {
            store.writeListedClaim($0, into: &$1)
        }
    }

    /// The claim; or (`format=jsonld`) a schema.org `Claim`; or (`format=annotation`) a W3C Web Annotation.
    static func item(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(offering: .claim)
        let ordinal = try Lookup.claim(context.id, in: store)
        store.prefetchClaim(ordinal)
        let article = Int(store.claims.records[ordinal].article)
        switch try context.negotiate(parameters) {
        case .annotation:
            return context.resource(.annotation, ordinal, etag: store.etags.annotation(ordinal, article: article),
                                    contentType: MediaType.annotation, extraHeaders: AnnotationProtocol.annotationHeaders, of: store)
        case .jsonLD:
            return context.resource(.schemaClaim, ordinal, etag: store.etags.schemaClaim(ordinal, article: article),
                                    contentType: MediaType.jsonLD, of: store)
        default:
            return context.resource(.claim, ordinal, etag: store.etags.claim(ordinal), of: store)
        }
    }

    /// The chain from the publication down to the origin, every entity side-loaded; or (`format=prov`) the same
    /// chain as a W3C PROV-JSON document.
    static func provenance(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(offering: .provenance)
        let ordinal = try Lookup.claim(context.id, in: store)
        store.prefetchClaim(ordinal)
        if try context.negotiate(parameters) == .prov {
            return context.resource(.provDocument, ordinal, etag: store.etags.provDocument(ordinal), of: store)
        }
        return context.resource(.provenance, ordinal, etag: store.etags.provenance(ordinal), of: store)
    }
}
