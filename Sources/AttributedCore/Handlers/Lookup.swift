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
    /// holds the finished response for `key` never calls `render`.
    func resource(_ kind: ResourceKey.Kind, _ ordinal: Int, etag: String,
                  render: @escaping @Sendable (inout JSONOutput) -> Void) -> Response {
        let body = RenderedBody(key: ResourceKey(kind: kind, ordinal: UInt32(ordinal))) {
            var output = JSONOutput(capacity: 4096)  // a claim is about 1 KB, a chain 3–4 KB: rarely a second allocation
            render(&output)
            return output.bytes
        }
        return Response(status: 200, headers: StandardHeaders.success(contentType: MediaType.json, etag: etag, cacheControl: CacheControl.data),
                        body: .rendered(body))
    }
}
