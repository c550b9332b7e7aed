/// One write as the writer takes it: what it changes, by whom, under which precondition.
struct PendingWrite: Sendable {
    enum Operation: Sendable, Equatable {
        case putArticle(String)
        case deleteArticle(String)
        case putEntity(String)
        /// `POST /v1/articles`: several new articles at once, all or nothing.
        case importArticles
    }

    let operation: Operation
    /// nil for a delete.
    let document: WriteDocument?
    let actor: WriteActor
    let ifMatch: String?
    let ifNoneMatch: String?

    /// The articles whose records and claims it replaces or deletes.
    var articles: [String] {
        switch operation {
        case .putArticle(let id), .deleteArticle(let id): [id]
        case .putEntity: []
        case .importArticles: document?.articles ?? []
        }
    }

    /// The entities it includes.
    var entities: [String] { document?.entities ?? [] }

    var action: JournalAction {
        switch operation {
        case .putArticle: .putArticle
        case .deleteArticle: .deleteArticle
        case .putEntity: .putEntity
        case .importArticles: .bulk
        }
    }

    /// Two writes of one batch may not touch the same record: the second waits for the next batch, so that its
    /// precondition is checked against the first one's result.
    func overlaps(_ other: PendingWrite) -> Bool {
        !Set(articles).isDisjoint(with: other.articles) || !Set(entities).isDisjoint(with: other.entities)
    }
}

/// What became of a write.
enum WriteResult: Sendable {
    /// Durable and visible: the store that shows it, the journal entry that holds it, and whether it created the record.
    case stored(store: Store, entry: JournalEntry, created: Bool)
    case refused(Problem)
}
