/// Resolves the `{id}` of a route to a record's ordinal, or 404 naming what was not found.
enum Lookup {
    static func ordinal(of id: String, in index: [String: Int], kind: String) throws(Problem) -> Int {
        guard let ordinal = index[id] else { throw .notFound("no \(kind) with id \(quoted(id))") }
        return ordinal
    }

    static func claim(_ id: String, in store: Store) throws(Problem) -> Int {
        guard let ordinal = store.filters.claimIndex.ordinal(of: id, in: store.claims) else {
            throw .notFound("no claim with id \(quoted(id))")
        }
        return ordinal
    }
}

extension RouteContext {
    /// One dataset resource: its ETag is known without rendering, so a 304 costs nothing and a server that still
    /// holds the finished response for it never renders it at all. Every kind is a data route's, negotiated.
    func resource(_ kind: ResourceKey.Kind, _ ordinal: Int, etag: String, contentType: String = MediaType.json,
                  extraHeaders: [HTTPHeader] = [], of store: Store) -> Response {
        var headers = StandardHeaders.negotiated(contentType: contentType, etag: etag, cacheControl: CacheControl.data)
        if !extraHeaders.isEmpty { headers += extraHeaders }
        return Response(status: 200, headers: headers, body: .rendered(.resource(ResourceKey(kind: kind, ordinal: UInt32(ordinal)), of: store)))
    }
}
