/// What a change did. A revision of an article is `create`, `update`, `delete` or `entity` (an entity it cites was
/// changed); a change that is not an article's revision is `entity` with no article (an entity no article cites)
/// or `reload` (the base files changed and were loaded again).
public enum ChangeAction: String, Sendable, CaseIterable {
    case create, update, delete, entity, reload
}

/// Which claims of the article a revision added, removed and changed, by id (sorted).
public struct ClaimDiff: Sendable, Equatable {
    public var added: [String] = []
    public var removed: [String] = []
    public var changed: [String] = []

    public init(added: [String] = [], removed: [String] = [], changed: [String] = []) {
        self.added = added
        self.removed = removed
        self.changed = changed
    }
}

/// One change of the dataset, in commit order: an entry of the feed (`/v1/changes`) and, when it names an
/// article, that article's revision. Its document (the article's canonical dataset document after it) is kept by
/// the history store, not here, so that the index of a long history stays small.
public struct Change: Sendable, Equatable {
    /// Strictly increasing, never reused (across restarts and compactions); the base load is 0.
    public var seq: UInt64
    /// The journal entry it comes from; 0 for a reload.
    public var journalSeq: UInt64
    /// RFC 3339, UTC.
    public var time: String
    /// The token's name; nil for a reload.
    public var actor: String?
    public var action: ChangeAction
    public var article: String?
    /// 1, 2, … per article.
    public var revision: Int?
    /// The article's ETag after the change (nil after a delete).
    public var etag: String?
    /// The entities an `entity` change wrote.
    public var entities: [String]
    /// The dataset version after a reload.
    public var version: String?
    public var claims: ClaimDiff
    /// The document's length in bytes (0: none, as after a delete).
    public var documentLength: Int

    public init(seq: UInt64, journalSeq: UInt64, time: String, actor: String?, action: ChangeAction, article: String?,
                revision: Int?, etag: String?, entities: [String] = [], version: String? = nil, claims: ClaimDiff = ClaimDiff(),
                documentLength: Int = 0) {
        self.seq = seq
        self.journalSeq = journalSeq
        self.time = time
        self.actor = actor
        self.action = action
        self.article = article
        self.revision = revision
        self.etag = etag
        self.entities = entities
        self.version = version
        self.claims = claims
        self.documentLength = documentLength
    }
}

/// A change with its document, as it is appended.
public struct RecordedChange: Sendable {
    public var change: Change
    public var document: [UInt8]

    public init(_ change: Change, document: [UInt8]) {
        var change = change
        change.documentLength = document.count
        self.change = change
        self.document = document
    }
}
