/// A list route's answer in an export format: every match of its filters, streamed in id order.
///
/// An export has no pages, so `limit` and `cursor` are refused (400) rather than ignored: a client that pages must
/// not believe it got one page. Nor does it rank: `sort=relevance` is refused, since ranking a million matches
/// would hold them all; `sort=id` is the order it streams in anyway. Its strong ETag is known before a byte is
/// rendered: the bytes depend only on the dataset version, the path, the format and the other parameters.
extension RouteContext {
    func export(_ format: Format, of resource: ExportStream.Resource, matching matches: Conjunction,
                parameters: QueryParameters, in store: Store) throws(Problem) -> Response {
        let syntax: ExportStream.Syntax = format == .csv ? .csv : .ndjson
        for name in PageRequest.parameterNames where parameters.contains(name) {
            throw .invalidParameter(name, "query parameter \"\(name)\" does not apply to format=\(format.name): an export streams every match")
        }
        if try parameters.choice("sort", as: ListOrder.self) == .relevance {
            throw .invalidParameter("sort", "sort=relevance does not apply to format=\(format.name): an export streams every match in id order")
        }
        let headers = StandardHeaders.negotiated(contentType: format.contentType,
                                                 etag: exportETag(format, version: store.version), cacheControl: CacheControl.data)
        return Response(status: 200, headers: headers, body: .stream(ExportStream(resource, as: syntax, matching: matches, of: store)))
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
