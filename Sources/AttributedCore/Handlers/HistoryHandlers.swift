/// An article's history: its revisions, newest first, and the document each left.
enum HistoryHandlers {
    static let formats = FormatOffer(formats: [.json, .ndjson, .csv, .prov])

    static func revisions(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: PageRequest.parameterNames, offering: formats)
        let request = try PageRequest(parameters)
        let format = try context.negotiate(parameters)
        let all = context.feed.history?.revisions(of: context.id) ?? []
        guard !all.isEmpty || store.articleIndex[context.id] != nil else {
            throw .notFound("no article with id \(quoted(context.id)), and none ever had it")
        }
        let newestFirst = Array(all.reversed())
        if format == .prov {
            return bytesResponse(RevisionPROV.document(article: context.id, revisions: all).bytes, format: format)
        }
        let page = try self.page(request, of: newestFirst)
        let asksForPage = PageRequest.parameterNames.contains(where: parameters.contains)
        switch format {
        case .ndjson, .csv:
            let rows = asksForPage ? page.ordinals.map { newestFirst[$0] } : newestFirst
            let bytes = format == .csv ? RevisionCSV.rows(rows) : rows.flatMap { ChangeJSON.revision($0).bytes + [0x0A] }
            var response = bytesResponse(bytes, format: format)
            if asksForPage, let next = page.next {
                response.headers.append(HTTPHeader("Link", "<\(ListResponse.nextURL(for: context.request, cursor: next))>; rel=\"next\""))
            }
            return response
        default:
            return ListResponse.make(page, for: context.request, etag: { newestFirst[$0].seq }) { ordinal, output in
                output.json(ChangeJSON.revision(newestFirst[ordinal]))
            }
        }
    }

    /// The article's canonical dataset document as revision n left it: immutable, so cached for good.
    static func document(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.dataset()
        let parameters = try context.parameters(offering: .jsonOnly)
        _ = try context.negotiate(parameters)
        guard let number = revisionNumber(context.secondID) else { throw .invalidRevision(context.secondID) }
        let all = context.feed.history?.revisions(of: context.id) ?? []
        guard let revision = all.first(where: { $0.revision == number }) else {
            let last = all.last?.revision ?? 0
            throw .notFound(number <= last ? "revision \(number) of article \(quoted(context.id)) is no longer kept (--history-retention)"
                : "article \(quoted(context.id)) has \(counted(last, "revision")), not \(number)")
        }
        if revision.action == .delete { throw .gone(context.id, by: revision) }
        let document: [UInt8]
        do { document = try context.feed.history!.document(of: revision) } catch {
            throw Problem(status: 500, kind: "internal", title: "Internal Server Error", detail: "the history could not be read: \(error)")
        }
        var headers = StandardHeaders.negotiated(contentType: MediaType.json, etag: ETag.strong(for: document),
                                                 cacheControl: CacheControl.immutable)
        headers.append(HTTPHeader("Link", "<\(RevisionPaths.list(context.id))>; rel=\"version-history\""))
        return Response(status: 200, headers: headers, body: .bytes(document))
    }

    /// `GET /v1/articles/{id}` of an article that is not there: 410 if its last revision deleted it, else 404.
    static func missingArticle(_ id: String, _ context: RouteContext) -> Problem {
        if let last = context.feed.history?.revisions(of: id).last, last.action == .delete { return .gone(id, by: last) }
        return .notFound("no article with id \(quoted(id))")
    }

    /// The route's check of `{n}`, for every method (a preflight too).
    static let checkRevisionNumber: @Sendable (String) -> Problem? = { revisionNumber($0) == nil ? .invalidRevision($0) : nil }

    /// 1, 2, …: digits only, no sign, no leading zero, at most 18 digits.
    private static func revisionNumber(_ text: String) -> Int? {
        guard let first = text.utf8.first, first != UInt8(ascii: "0"), text.utf8.count <= 18,
              text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(text)
    }

    /// Keyset paging, newest first: the cursor holds the last revision number a page showed.
    private static func page(_ request: PageRequest, of newestFirst: [Change]) throws(Problem) -> Page {
        var start = 0
        if case .afterId(let bytes)? = request.after {
            // Any well-formed cursor is a position (as on every list): one that holds no revision number is before the first.
            if let last = Int(String(decoding: bytes, as: UTF8.self)) {
                start = newestFirst.firstIndex { ($0.revision ?? 0) < last } ?? newestFirst.count
            }
        }
        let end = min(newestFirst.count, start + request.limit)
        let next = end < newestFirst.count ? Cursor.afterId(Array(String(newestFirst[end - 1].revision ?? 0).utf8)).encoded : nil
        return Page(ordinals: Array(start..<end), next: next, examined: end - start)
    }

    private static func bytesResponse(_ bytes: [UInt8], format: Format) -> Response {
        Response(status: 200, headers: StandardHeaders.negotiated(contentType: format.contentType, etag: ETag.strong(for: bytes),
                                                                  cacheControl: CacheControl.data),
                 body: .bytes(bytes))
    }
}

/// The revisions as CSV, one row each, ids in a cell joined as the other exports join them.
enum RevisionCSV {
    static let columns = ["article", "revision", "seq", "time", "actor", "action", "etag", "added", "removed", "changed"]

    static func rows(_ revisions: [Change]) -> [UInt8] {
        var csv = CSVOutput()
        csv.header(columns)
        for change in revisions {
            csv.cell(change.article)
            csv.cell(change.revision ?? 0)
            csv.cell(String(change.seq))
            csv.cell(change.time)
            csv.cell(change.actor)
            csv.cell(change.action.rawValue)
            csv.cell(change.etag)
            csv.cell(joining: change.claims.added)
            csv.cell(joining: change.claims.removed)
            csv.cell(joining: change.claims.changed)
            csv.endRow()
        }
        return csv.bytes
    }
}
