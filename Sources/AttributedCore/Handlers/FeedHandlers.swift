/// `/v1/changes`: every change of the dataset in commit order, a page of JSON after a seq, or (`Accept:
/// text/event-stream`) followed live.
enum FeedHandlers {
    static let parameterNames: Set = ["after", "limit", "include"]
    static let defaultLimit = 100
    static let maximumLimit = 1000

    enum Include: String, CaseIterable {
        case document
    }

    static func changes(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.dataset()
        let parameters = try context.parameters(allowed: parameterNames, offering: .jsonOnly)
        let limit = try parameters.integer("limit", in: 1...maximumLimit) ?? defaultLimit
        let includeDocument = try parameters.choice("include", as: Include.self) == .document
        var after: UInt64 = 0
        if let text = try parameters.string("after", maximumLength: 20) {
            guard let seq = seq(text) else {
                throw .invalidParameter("after", "query parameter \"after\" must be a seq: a whole number from 0")
            }
            after = seq
        }
        if let lastEventID = context.request.lastEventID {
            // A reconnecting EventSource resends its URL unchanged: the last id it saw says where it is.
            guard let seq = seq(lastEventID) else { throw .invalidLastEventID(lastEventID) }
            after = seq
        }
        if let history = context.feed.history, history.missesPrunedChanges(after: after) {
            throw .changesPruned(through: history.prunedThrough)
        }
        guard parameters.requestedFormat == nil, wantsEventStream(context.request.accept) else {
            _ = try context.negotiate(parameters)
            return try page(after: after, limit: limit, includeDocument: includeDocument, context)
        }
        let headers = [HTTPHeader("Content-Type", MediaType.eventStream), HTTPHeader("Cache-Control", CacheControl.none),
                       HTTPHeader("X-Accel-Buffering", "no"), StandardHeaders.varyByAcceptAndEncoding]
            + StandardHeaders.cors  // the Vary of every data route (a stream is never gzipped)
        guard context.request.method != "HEAD" else { return Response(status: 200, headers: headers) }
        let followers = context.feed.followers
        guard let history = context.feed.history ?? emptyHistory,
              let follower = followers.admit(history: history, after: after, includeDocument: includeDocument) else {
            throw .tooManyFollowers(limit: followers.maxFollowers)
        }
        return Response(status: 200, headers: headers, body: .events(follower))
    }

    /// Up to `limit` changes after `after`, and `next`: the seq to ask after for the ones that follow.
    private static func page(after: UInt64, limit: Int, includeDocument: Bool, _ context: RouteContext) throws(Problem) -> Response {
        let changes = context.feed.history?.changes(after: after, limit: limit) ?? []
        var items: [JSON] = []
        for change in changes {
            var document: [UInt8]?
            if includeDocument {
                do { document = try context.feed.history!.document(of: change) } catch {
                    throw Problem(status: 500, kind: "internal", title: "Internal Server Error",
                                  detail: "the history could not be read: \(error)")
                }
            }
            items.append(ChangeJSON.feedItem(change, document: document))
        }
        let next = changes.last?.seq ?? after
        let body = JSON.object([("items", .array(items)), ("next", .int(Int(next)))]).bytes
        var query = context.request.query.filter { $0.name != "after" }
        query.append(QueryItem("after", String(next)))
        var headers = StandardHeaders.negotiated(contentType: MediaType.json, etag: ETag.strong(for: body),
                                                 cacheControl: CacheControl.none)
        headers.append(HTTPHeader("Link", "<\(ListResponse.url(path: context.request.path, query: query))>; rel=\"next\""))
        return Response(status: 200, headers: headers, body: .bytes(body))
    }

    /// Whether `Accept` asks for the event stream: it names `text/event-stream` (EventSource sends exactly that).
    static func wantsEventStream(_ accept: String?) -> Bool {
        guard let accept else { return false }
        return accept.split(separator: ",").contains { range in
            let type = range.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces().lowercased() }
            return type == EventStream.mediaType
        }
    }

    /// A seq as written: digits only, at most 18 of them (an integer any JSON client holds exactly).
    private static func seq(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return UInt64(text)
    }

    /// A server without writes has no history: its followers wait on this one, which never grows.
    private static let emptyHistory = try? History(store: MemoryHistory())
}
