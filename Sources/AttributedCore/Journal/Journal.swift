/// The write-ahead journal of a dataset: every acknowledged write, in commit order, replayed over the base files
/// at load. Behind this protocol so that a shared database can back it for several writable replicas.
public protocol Journal: AnyObject, Sendable {
    /// Every valid entry in order; the first record that is short or fails its checksum ends replay, and what was
    /// dropped is said in `droppedTail` (nothing acknowledged is ever in it: an append answers only once synced).
    func replay() throws(JournalError) -> JournalReplay
    /// Appends all entries with one write and one sync (the writer batches concurrent writers: group commit);
    /// durable when it returns. On an error nothing of the batch counts, and the journal ends where it did.
    func append(_ entries: [JournalEntry]) throws(JournalError)
    /// Bytes of valid records.
    var byteSize: Int { get }
    /// Empties the journal durably, once its writes are folded into the base files (`attributed compact`).
    func reset() throws(JournalError)
}

public enum JournalAction: String, Sendable, CaseIterable {
    case putArticle = "put_article", deleteArticle = "delete_article", putEntity = "put_entity", bulk = "bulk"
}

/// One acknowledged change. `document` is a dataset document (canonical form) holding the new state of `articles`
/// (with all their claims) and the `entities` it includes; empty for a delete.
public struct JournalEntry: Sendable, Equatable {
    public var seq: UInt64
    /// RFC 3339, UTC.
    public var time: String
    /// The token's name.
    public var actor: String
    public var action: JournalAction
    /// The articles it replaces or deletes.
    public var articles: [String]
    /// The entities it includes (replaced or created).
    public var entities: [String]
    public var document: [UInt8]

    public init(seq: UInt64, time: String, actor: String, action: JournalAction, articles: [String], entities: [String],
                document: [UInt8]) {
        self.seq = seq
        self.time = time
        self.actor = actor
        self.action = action
        self.articles = articles
        self.entities = entities
        self.document = document
    }
}

public struct JournalReplay: Sendable {
    public var entries: [JournalEntry]
    /// Set when the tail was cut or corrupt: which record, where, and how many bytes were ignored.
    public var droppedTail: String?
    public var byteSize: Int
}

public enum JournalError: Error, Sendable, CustomStringConvertible {
    /// ENOSPC or EDQUOT: answered 507; the journal is usable again once space is freed.
    case noSpace(String)
    case failed(String)
    /// A sync failed earlier. After a failed fsync Linux may have dropped the dirty pages and report success next
    /// time (PostgreSQL's "fsyncgate"), so nothing more is appended until a restart replays what is known durable.
    case poisoned(String)
    /// A record that is not the last is damaged (valid records follow it): not a crash's torn tail, so nothing is cut
    /// and nothing is written until an operator salvages the journal (`attributed salvage DIR`).
    case damaged(String)

    public var description: String {
        switch self {
        case .damaged(let detail): detail
        case .noSpace(let detail): "no space left: \(detail)"
        case .failed(let detail): detail
        case .poisoned(let detail): "the journal takes no more writes until the server restarts: \(detail)"
        }
    }
}
