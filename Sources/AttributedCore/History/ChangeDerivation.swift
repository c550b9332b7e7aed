/// What a commit's journal entries are as changes: each article they write a revision (numbered on from the
/// history), with its document and its claims' diff against the article's state before.
struct ChangeDerivation {
    private let history: History
    private var nextSeq: UInt64
    /// Revisions numbered in this commit so far, and each touched article's claims as the last change left them.
    private var revisions: [String: Int] = [:]
    private var claimsNow: [String: [String: [UInt8]]] = [:]

    init(history: History) {
        self.history = history
        nextSeq = history.lastSeq + 1
    }

    /// The changes of `entries`, committed together: `before` is the store they were applied to, `after` the one
    /// that shows them all.
    mutating func changes(of entries: [JournalEntry], before: Store, after: Store) -> [RecordedChange] {
        var out: [RecordedChange] = []
        for entry in entries {
            switch entry.action {
            case .putArticle, .bulk:
                for article in entry.articles.sorted() {
                    // Writes of one commit never share an article, so `before` says whether it existed.
                    let action: ChangeAction = before.articleIndex[article] == nil ? .create : .update
                    out.append(revision(of: article, entry, action, before: before, after: after))
                }
            case .deleteArticle:
                out.append(revision(of: entry.articles[0], entry, .delete, before: before, after: after))
            case .putEntity:
                let citing = ArticleDocument.articlesCiting(entry.entities, in: after).map { after.articles[$0].id }
                guard !citing.isEmpty else {
                    out.append(RecordedChange(change(entry, .entity, article: nil, revision: nil, etag: nil), document: []))
                    continue
                }
                for article in citing { out.append(revision(of: article, entry, .entity, before: before, after: after)) }
            }
        }
        return out
    }

    /// A reload of the base files that changed the dataset's version.
    mutating func reload(version: String, time: String) -> RecordedChange {
        defer { nextSeq += 1 }
        return RecordedChange(Change(seq: nextSeq, journalSeq: 0, time: time, actor: nil, action: .reload, article: nil,
                                     revision: nil, etag: nil, version: version), document: [])
    }

    private mutating func revision(of article: String, _ entry: JournalEntry, _ action: ChangeAction, before: Store,
                                   after: Store) -> RecordedChange {
        let number = (revisions[article] ?? history.lastRevision(of: article)) + 1
        revisions[article] = number
        let previous = claimsNow[article] ?? before.articleIndex[article].map { ArticleDocument.claimBytes(of: $0, in: before) } ?? [:]
        let ordinal = action == .delete ? nil : after.articleIndex[article]
        let current = ordinal.map { ArticleDocument.claimBytes(of: $0, in: after) } ?? [:]
        claimsNow[article] = current
        var recorded = change(entry, action, article: article, revision: number, etag: ordinal.map { after.etags.article($0) })
        recorded.claims = ClaimDiff(added: current.keys.filter { previous[$0] == nil }.sorted(),
                                    removed: previous.keys.filter { current[$0] == nil }.sorted(),
                                    changed: current.keys.filter { previous[$0] != nil && previous[$0] != current[$0] }.sorted())
        return RecordedChange(recorded, document: ordinal.map { ArticleDocument.bytes(of: $0, in: after) } ?? [])
    }

    private mutating func change(_ entry: JournalEntry, _ action: ChangeAction, article: String?, revision: Int?,
                                 etag: String?) -> Change {
        defer { nextSeq += 1 }
        return Change(seq: nextSeq, journalSeq: entry.seq, time: entry.time, actor: entry.actor, action: action,
                      article: article, revision: revision, etag: etag,
                      entities: action == .entity ? entry.entities : [])
    }
}
