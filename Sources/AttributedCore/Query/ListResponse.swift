/// A list body, `{"items":[...],"next":...}`, with each item rendered into the same buffer.
enum ListResponse {
    /// `etag` gives each item's own tag: the list's tag combines them with the next cursor, which together decide
    /// every byte of the body, so a conditional request is answered without rendering any item.
    /// `facets` (`facet=`) are rendered already: their bytes join the tag too.
    static func make(_ page: Page, for request: Request, facets: ListFacets = .none, etag: (Int) -> UInt64,
                     render: @escaping @Sendable (Int, inout JSONOutput) -> Void) -> Response {
        var hash = Hash64(seed: 0x6c69_7374)  // "list"
        for ordinal in page.ordinals { hash.combine(etag(ordinal)) }
        hash.combine(page.next ?? "")
        if !facets.member.isEmpty { facets.member.withUnsafeBytes { hash.combine($0) } }
        var headers = StandardHeaders.negotiated(contentType: MediaType.json, etag: ETag.quoted(hash.value),
                                              cacheControl: CacheControl.data)
        if let next = page.next {
            headers.append(HTTPHeader("Link", "<\(nextURL(for: request, cursor: next))>; rel=\"next\""))
        }
        let body = RenderedBody.list {
            var output = JSONOutput(capacity: 64 + page.ordinals.count * 1024)
            output.raw(#"{"items":["#)
            for (position, ordinal) in page.ordinals.enumerated() {
                if position > 0 { output.raw(",") }
                render(ordinal, &output)
            }
            output.raw(#"],"next":"#)
            output.optionalString(page.next)
            output.raw(facets.member)
            output.raw("}")
            return output.bytes
        }
        var response = Response(status: 200, headers: headers, body: .rendered(body))
        response.examined = page.examined
        response.counted = facets.member.isEmpty ? nil : facets.counted
        return response
    }

    /// The same request with the cursor of the next page, parameters kept in their order.
    static func nextURL(for request: Request, cursor: String) -> String {
        var items = request.query.filter { $0.name != "cursor" }
        items.append(QueryItem("cursor", cursor))
        return url(path: request.path, query: items)
    }

    /// `path?name=value&…`, names and values percent-encoded; `path` alone without a query.
    static func url(path: String, query items: [QueryItem]) -> String {
        guard !items.isEmpty else { return path }
        let query = items.map { "\(percentEncoded($0.name))=\(percentEncoded($0.value ?? ""))" }.joined(separator: "&")
        return "\(path)?\(query)"
    }
}
