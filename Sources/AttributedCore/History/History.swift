import Foundation

/// The history of the dataset's changes, in memory as an index over its store: the feed is the whole sequence by
/// seq, an article's revisions are its positions in it. Appended to by the writer only (one commit at a time), read
/// by any request; whoever follows the feed live is told of each append.
public final class History: @unchecked Sendable {
    private let store: HistoryStore
    private let lock = NSLock()
    /// Guarded by `lock`. Ascending by seq.
    private var changes: [Change] = []
    /// Changes indexed but not yet in the store (its last append failed), with their documents.
    private var unsaved: [RecordedChange] = []
    /// Positions in `changes` of each article's revisions, oldest first.
    private var byArticle: [String: [Int]] = [:]
    /// Called after each append, outside the lock, with the last seq (the live feed wakes its followers).
    private let observers = Locked<[@Sendable (UInt64) -> Void]>([])

    /// What loading dropped from the store's end, if anything.
    public let droppedTail: String?
    /// The highest seq left out by the retention (0: none): a follower positioned before it has missed changes.
    public let prunedThrough: UInt64

    /// `retention`: changes older than that many seconds before `now` are left out, except each article's latest
    /// revision (its current state, which numbering goes on from) and the last change (the seq goes on from it).
    public init(store: HistoryStore, retention: Double? = nil, now: Date = Date()) throws(JournalError) {
        self.store = store
        let replay = try store.load()
        droppedTail = replay.droppedTail
        let kept = Self.retained(replay.changes, retention: retention, now: now)
        prunedThrough = replay.changes.lazy.filter { !kept.contains($0.seq) }.map(\.seq).max() ?? 0
        for change in replay.changes where kept.contains(change.seq) { index(change) }
    }

    /// The seqs a retention keeps.
    static func retained(_ changes: [Change], retention: Double?, now: Date) -> Set<UInt64> {
        guard let retention else { return Set(changes.map(\.seq)) }
        let cutoff = now.addingTimeInterval(-retention).formatted(.iso8601)  // RFC 3339 UTC strings sort by time
        var kept = Set(changes.filter { $0.time >= cutoff }.map(\.seq))
        var latest: [String: UInt64] = [:]
        for change in changes { if let article = change.article { latest[article] = change.seq } }
        kept.formUnion(latest.values)
        if let last = changes.last { kept.insert(last.seq) }
        return kept
    }

    public var lastSeq: UInt64 { lock.withLock { changes.last?.seq ?? 0 } }

    /// The last journal entry the history holds the changes of (0 before any).
    public var lastJournalSeq: UInt64 {
        lock.withLock { changes.last(where: { $0.journalSeq > 0 })?.journalSeq ?? 0 }
    }

    public var count: Int { lock.withLock { changes.count } }

    /// Appends to the store, then to the index, and tells the followers. If the store refuses (a full disk), the
    /// changes are indexed and served all the same (their writes are durable in the journal, which a restart
    /// derives them from again, with the same seqs), kept here, and stored before the next ones: the error is
    /// thrown for the writer to report.
    public func append(_ recorded: [RecordedChange]) throws(JournalError) {
        guard !recorded.isEmpty else { return }
        let batch = lock.withLock { unsaved + recorded }
        var failure: JournalError?
        do { try store.append(batch) } catch { failure = error }
        let last = lock.withLock {
            unsaved = failure == nil ? [] : batch
            for item in recorded { index(item.change) }
            return changes.last!.seq
        }
        for observer in observers.withLock({ $0 }) { observer(last) }
        if let failure { throw failure }
    }

    public func observe(_ observer: @escaping @Sendable (UInt64) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    /// Whether a follower after `seq` would miss changes the retention left out.
    public func missesPrunedChanges(after seq: UInt64) -> Bool { seq < prunedThrough }

    /// Up to `limit` changes with a seq above `after`, in order: a binary search, so any position costs the same.
    public func changes(after: UInt64, limit: Int) -> [Change] {
        lock.withLock {
            var low = 0
            var high = changes.count
            while low < high {
                let mid = (low + high) / 2
                if changes[mid].seq <= after { low = mid + 1 } else { high = mid }
            }
            return Array(changes[low..<min(changes.count, low + limit)])
        }
    }

    /// The article's revisions, oldest first.
    public func revisions(of article: String) -> [Change] {
        lock.withLock { (byArticle[article] ?? []).map { changes[$0] } }
    }

    /// Up to `limit` of the article's revisions numbered below `before` (from the last when nil), newest first, and
    /// whether older ones remain: a binary search, so a page far back costs what the first one does.
    public func revisions(of article: String, before: Int?, limit: Int) -> (page: [Change], more: Bool) {
        lock.withLock {
            let positions = byArticle[article] ?? []
            var end = positions.count
            if let before {
                var low = 0
                while low < end {
                    let mid = (low + end) / 2
                    if (changes[positions[mid]].revision ?? 0) < before { low = mid + 1 } else { end = mid }
                }
            }
            let start = max(0, end - limit)
            return (positions[start..<end].reversed().map { changes[$0] }, start > 0)
        }
    }

    /// The article's revision `number`, if kept.
    public func revision(_ number: Int, of article: String) -> Change? {
        let (page, _) = revisions(of: article, before: number + 1, limit: 1)
        return page.first { $0.revision == number }
    }

    /// The number of the article's last revision (0 before any): the next is one more, whatever was pruned.
    public func lastRevision(of article: String) -> Int {
        lock.withLock { byArticle[article]?.last.flatMap { changes[$0].revision } ?? 0 }
    }

    public func document(of change: Change) throws(JournalError) -> [UInt8] {
        guard change.documentLength > 0 else { return [] }
        if let pending = lock.withLock({ unsaved.first { $0.change.seq == change.seq } }) { return pending.document }
        return try store.document(seq: change.seq)
    }

    /// Under `lock` (or in `init`).
    private func index(_ change: Change) {
        if let article = change.article { byArticle[article, default: []].append(changes.count) }
        changes.append(change)
    }
}
