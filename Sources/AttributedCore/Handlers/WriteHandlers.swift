/// PUT, DELETE and POST: a dataset document in, the stored change out. Each answer is sent only once the change is
/// in the journal (fsynced) and every later request sees it.
enum WriteHandlers {
    static func putArticle(_ context: RouteContext) throws(Problem) -> Response {
        let write = try pending(.putArticle(context.id), context)
        let (store, entry, created) = try commit(write, context)
        let ordinal = store.articleIndex[context.id]!
        return stored(entry, status: created ? 201 : 200, etag: store.etags.article(ordinal),
                      location: "/v1/articles/\(percentEncoded(context.id))")
    }

    static func deleteArticle(_ context: RouteContext) throws(Problem) -> Response {
        guard context.request.body?.isEmpty ?? true else {
            throw .malformedBody("DELETE takes no body")
        }
        _ = try commit(try pending(.deleteArticle(context.id), context), context)
        return Response(status: 204, headers: StandardHeaders.written(etag: nil, location: nil))
    }

    static func putEntity(_ context: RouteContext) throws(Problem) -> Response {
        let (store, entry, created) = try commit(try pending(.putEntity(context.id), context), context)
        let ordinal = store.entityIndex[context.id]!
        return stored(entry, status: created ? 201 : 200, etag: store.etags.entity(ordinal),
                      location: "/v1/entities/\(percentEncoded(context.id))")
    }

    static func importArticles(_ context: RouteContext) throws(Problem) -> Response {
        let (_, entry, _) = try commit(try pending(.importArticles, context), context)
        return stored(entry, status: 201, etag: nil, location: nil)
    }

    // MARK: steps

    private static func pending(_ operation: PendingWrite.Operation, _ context: RouteContext) throws(Problem) -> PendingWrite {
        let request = context.request
        var document: WriteDocument?
        if case .deleteArticle = operation {} else {
            guard MediaType.isJSON(request.contentType) else { throw .unsupportedMediaType(request.contentType) }
            document = try WriteDocument(request.body ?? [])
        }
        let principal = context.write!.principal
        return PendingWrite(operation: operation, document: document,
                            actor: WriteActor(name: principal.name, publishers: principal.publishers),
                            ifMatch: request.ifMatch, ifNoneMatch: request.ifNoneMatch)
    }

    private static func commit(_ write: PendingWrite, _ context: RouteContext) throws(Problem)
        -> (store: Store, entry: JournalEntry, created: Bool) {
        switch context.write!.writer.submit(write) {
        case .stored(let store, let entry, let created): return (store, entry, created)
        case .refused(let problem): throw problem
        }
    }

    /// The canonical form of what was stored, as journalled.
    private static func stored(_ entry: JournalEntry, status: Int, etag: String?, location: String?) -> Response {
        Response(status: status, headers: StandardHeaders.written(etag: etag, location: location), body: .bytes(entry.document))
    }
}

extension MediaType {
    /// `application/json`, with or without parameters (`; charset=utf-8`), in any case.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let type = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces().lowercased() }
        return type == json
    }
}
