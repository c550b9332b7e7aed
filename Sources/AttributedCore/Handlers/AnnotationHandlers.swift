/// `/v1/articles/{id}/annotations`: the article's claims as a read-only W3C Web Annotation Protocol container.
/// Without `page` or `cursor` it is the container (its first page embedded, or linked when the client prefers a
/// minimal container; full annotations or their IRIs as `iris` or `Prefer` asks); with them, one page, in id
/// order, paged by the lists' keyset cursor. A page costs its items and a binary search in the article's list
/// (`examined` counts both).
enum AnnotationHandlers {
    static let parameterNames = PageRequest.parameterNames.union(["iris", "page"])

    static func container(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: parameterNames, offering: .annotationContainer)
        let request = try PageRequest(parameters)
        let iris = try parameters.integer("iris", in: 0...1)
        let isPage = try parameters.integer("page", in: 1...1) != nil || request.after != nil
        let ordinal = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        _ = try context.negotiate(parameters)

        let preferences = isPage ? AnnotationProtocol.ContainerPreferences(nil) : AnnotationProtocol.ContainerPreferences(context.request.prefer)
        let listsIRIs = iris.map { $0 == 1 } ?? preferences.iris ?? false
        let claims = store.claims
        let position = ListPosition(store.filters.claimsOfArticle[ordinal], request: request, id: { claims.id(of: $0) },
                                    count: claims.count)
        let annotation = store.claimAnnotation
        let container = AnnotationContainer(article: store.articles[ordinal], iris: listsIRIs,
                                            limit: try parameters.integer("limit", in: 1...PageRequest.maximumLimit),
                                            position: position, annotation: { annotation.document($0, embedded: true) },
                                            claimId: { claims.id(of: $0) })
        let minimal = !isPage && preferences.minimal

        // The tag: every byte depends on the form, the positions, the article (its headline is the label) and the
        // items' own tags.
        var hash = Hash64(seed: 0x616e_6e63)  // "annc"
        hash.combine(isPage ? "page" : minimal ? "minimal" : "container")
        hash.combine(store.etags.articles[ordinal])
        hash.combine(container.pageIRI(position.current))
        hash.combine(UInt64(position.total))
        if !minimal {
            for item in position.ordinals {
                hash.combine(listsIRIs ? store.etags.claims[Int(item)] : store.etags.annotationHash(Int(item), article: ordinal))
            }
        }
        var headers = StandardHeaders.negotiated(contentType: MediaType.annotation, etag: ETag.quoted(hash.value),
                                                 cacheControl: CacheControl.data)
        headers = headers.map { $0.name == "Vary" ? AnnotationProtocol.containerVary : $0 }
        headers.append(AnnotationProtocol.allow)
        if !isPage {
            headers += AnnotationProtocol.containerLinks
            headers.append(HTTPHeader("Content-Location", container.containerIRI))
            if !preferences.isEmpty { headers.append(AnnotationProtocol.preferenceApplied) }
        }
        let body = RenderedBody.list {
            var output = JSONOutput(capacity: 256 + (minimal ? 0 : position.ordinals.count * 2048))
            output.json(isPage ? container.page() : container.collection(minimal: minimal))
            return output.bytes
        }
        var response = Response(status: 200, headers: headers, body: .rendered(body))
        response.examined = position.searchSteps + (minimal ? 0 : position.ordinals.count)
        return response
    }
}
