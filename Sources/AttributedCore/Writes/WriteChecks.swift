/// What a write must satisfy before it is validated: the document's shape for its route, the precondition against
/// the record's current ETag, and the actor's publishers.
enum WriteChecks {
    /// Whether the write creates its record (201) rather than replacing or deleting one.
    static func check(_ write: PendingWrite, against store: Store) throws(Problem) -> Bool {
        switch write.operation {
        case .putArticle(let id):
            try write.document!.checkHoldsOnly(article: id)
            let existing = store.articleIndex[id]
            try Preconditions.check(write, current: existing.map { store.etags.article($0) }, what: "article \(quoted(id))")
            try checkPublisher(write.document!.publishers[0], of: write.actor)
            if let existing { try checkPublisher(store.articles[existing].publisher, of: write.actor) }
            return existing == nil
        case .deleteArticle(let id):
            guard let existing = store.articleIndex[id] else { throw .notFound("no article with id \(quoted(id))") }
            try Preconditions.check(write, current: store.etags.article(existing), what: "article \(quoted(id))")
            try checkPublisher(store.articles[existing].publisher, of: write.actor)
            return false
        case .putEntity(let id):
            try write.document!.checkHoldsOnly(entity: id)
            guard write.actor.publishers == nil else {
                throw .forbidden("token \(quoted(write.actor.name)) may write only its publishers' articles; entities are shared by every desk")
            }
            let existing = store.entityIndex[id]
            try Preconditions.check(write, current: existing.map { store.etags.entity($0) }, what: "entity \(quoted(id))")
            return existing == nil
        case .importArticles:
            let document = write.document!
            try document.checkHoldsArticles()
            let existing = document.articles.filter { store.articleIndex[$0] != nil }
            if !existing.isEmpty {
                throw .conflict("an import only creates articles; these exist already (replace each with PUT and If-Match): "
                                + existing.map(quoted).joined(separator: ", "))
            }
            for publisher in Set(document.publishers) { try checkPublisher(publisher, of: write.actor) }
            return true
        }
    }

    private static func checkPublisher(_ publisher: String, of actor: WriteActor) throws(Problem) {
        guard actor.mayWrite(publisher: publisher) else {
            throw .forbidden("token \(quoted(actor.name)) may not write articles of publisher \(quoted(publisher))")
        }
    }

    /// A token bound to publishers may bring new entities along, or existing ones unchanged, but not change one that
    /// other desks' claims cite.
    static func changedSharedEntities(_ write: PendingWrite, before: Store, after dataset: Dataset) -> [String] {
        guard write.actor.publishers != nil else { return [] }
        let afterIndex = Dictionary(uniqueKeysWithValues: dataset.entities.enumerated().map { ($1.id, $0) })
        return write.entities.filter { id in
            guard let old = before.entityIndex[id], let new = afterIndex[id] else { return false }
            return CanonicalRecords.entity(before.entities[old]).bytes != CanonicalRecords.entity(dataset.entities[new]).bytes
        }
    }
}
