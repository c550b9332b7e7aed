/// A list route's answer in an export format (nil for its JSON): every match of its filters, streamed in id order;
/// or, when the request asks for a page (`limit`, `cursor`, or `sort=relevance`, which ranks a page), exactly the
/// items the JSON page would hold, with the same `Link` to the next one. So every request the contract allows is
/// answered, and a CSV can be fetched a page at a time as well as whole. Its strong ETag is known before a byte is
/// rendered: the bytes depend only on the dataset version, the path, the format and the other parameters.
extension RouteContext {
    func export(_ format: Format, of resource: ExportStream.Resource, parameters: QueryParameters, in store: Store,
                all: () throws(Problem) -> Conjunction, page: () throws(Problem) -> Page) throws(Problem) -> Response? {
        guard format != .json else { return nil }
        let syntax: ExportStream.Syntax = format == .csv ? .csv : .ndjson
        let ranked = try parameters.choice("sort", as: ListOrder.self) == .relevance
        let asksForPage = ranked || PageRequest.parameterNames.contains(where: parameters.contains)
        var headers = StandardHeaders.negotiated(contentType: format.contentType,
                                                 etag: exportETag(format, version: store.version), cacheControl: CacheControl.data)
        guard asksForPage else {
            return Response(status: 200, headers: headers, body: .stream(ExportStream(resource, as: syntax, rows: .matches(try all()), of: store)))
        }
        let taken = try page()
        if let next = taken.next {
            headers.append(HTTPHeader("Link", "<\(ListResponse.nextURL(for: request, cursor: next))>; rel=\"next\""))
        }
        var response = Response(status: 200, headers: headers,
                                body: .stream(ExportStream(resource, as: syntax, rows: .page(taken.ordinals), of: store)))
        response.examined = taken.examined
        return response
    }

    /// The dataset version, the path, the format and the other parameters sorted by name: what decides every byte.
    private func exportETag(_ format: Format, version: String) -> String {
        var hash = Hash64(seed: 0x6578_706f_7274)  // "export"
        for part in [version, request.path, format.name] { hash.combine(Array(part.utf8)) }
        for item in request.query.filter({ $0.name != QueryParameters.formatName }).sorted(by: { $0.name < $1.name }) {
            hash.combine(Array(item.name.utf8))
            hash.combine(Array((item.value ?? "").utf8))
        }
        return ETag.quoted(hash.value)
    }
}
