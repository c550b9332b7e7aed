/// An article's history: its revisions, newest first, and the document each left.
enum HistoryHandlers {
    static let formats = FormatOffer(formats: [.json, .ndjson, .csv, .prov])

    static func revisions(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: PageRequest.parameterNames, offering: formats)
        let request = try PageRequest(parameters)
        let format = try context.negotiate(parameters)
        let history = context.feed.history
        guard history.map({ $0.lastRevision(of: context.id) > 0 }) ?? false || store.articleIndex[context.id] != nil else {
            throw .notFound("no article with id \(quoted(context.id)), and none ever had it")
        }
        let asksForPage = PageRequest.parameterNames.contains(where: parameters.contains)
        if format == .prov || (format != .json && !asksForPage) {
            // The whole history: PROV, or an export of every revision.
            let all = history?.revisions(of: context.id) ?? []
            if format == .prov { return bytesResponse(RevisionPROV.document(article: context.id, revisions: all).bytes, format: format) }
            return bytesResponse(rows(Array(all.reversed()), format), format: format)
        }
        // Any well-formed cursor is a position (as on every list): one that holds no revision number is before the first.
        var before: Int?
        if case .afterId(let bytes)? = request.after { before = Int(String(decoding: bytes, as: UTF8.self)) }
        let (revisions, more) = history?.revisions(of: context.id, before: before, limit: request.limit) ?? ([], false)
        let next = more ? revisions.last.map { Cursor.afterId(Array(String($0.revision ?? 0).utf8)).encoded } : nil
        let page = Page(ordinals: Array(revisions.indices), next: next, examined: revisions.count)
        guard format == .json else {
            var response = bytesResponse(rows(revisions, format), format: format)
            if let next {
                response.headers.append(HTTPHeader("Link", "<\(ListResponse.nextURL(for: context.request, cursor: next))>; rel=\"next\""))
            }
            return response
        }
        return ListResponse.make(page, for: context.request, etag: { revisions[$0].seq }) { ordinal, output in
            output.json(ChangeJSON.revision(revisions[ordinal]))
        }
    }

    /// NDJSON lines (each the JSON list's object) or CSV rows.
    private static func rows(_ revisions: [Change], _ format: Format) -> [UInt8] {
        format == .csv ? RevisionCSV.rows(revisions) : revisions.flatMap { ChangeJSON.revision($0).bytes + [0x0A] }
    }

    /// The article's canonical dataset document as revision n left it: immutable, so cached for good.
    static func document(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.dataset()
        let parameters = try context.parameters(offering: .jsonOnly)
        _ = try context.negotiate(parameters)
        guard let number = revisionNumber(context.secondID) else { throw .invalidRevision(context.secondID) }
        guard let revision = context.feed.history?.revision(number, of: context.id) else {
            let last = context.feed.history?.lastRevision(of: context.id) ?? 0
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
        if let history = context.feed.history, let last = history.revision(history.lastRevision(of: id), of: id),
           last.action == .delete {
            return .gone(id, by: last)
        }
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
