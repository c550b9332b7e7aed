import Foundation

/// Where the history of changes is kept: behind this protocol, like the journal, so that a shared database can back
/// it. Appends come from the one writer, in seq order; the documents are read back one at a time.
public protocol HistoryStore: AnyObject, Sendable {
    /// Every valid change in order (without documents); a torn tail is said in `droppedTail`.
    func load() throws(JournalError) -> HistoryReplay
    /// Appends with one sync; durable when it returns.
    func append(_ changes: [RecordedChange]) throws(JournalError)
    /// The document stored with change `seq` (empty if it has none).
    func document(seq: UInt64) throws(JournalError) -> [UInt8]
}

public struct HistoryReplay: Sendable {
    public var changes: [Change]
    public var droppedTail: String?
}

/// The same semantics in memory: for tests and for a server without a dataset directory.
public final class MemoryHistory: HistoryStore, @unchecked Sendable {
    private let lock = NSLock()
    private var changes: [Change] = []
    private var documents: [UInt64: [UInt8]] = [:]

    public init() {}

    public func load() throws(JournalError) -> HistoryReplay {
        lock.withLock { HistoryReplay(changes: changes, droppedTail: nil) }
    }

    public func append(_ new: [RecordedChange]) throws(JournalError) {
        lock.withLock {
            for recorded in new {
                changes.append(recorded.change)
                documents[recorded.change.seq] = recorded.document
            }
        }
    }

    public func document(seq: UInt64) throws(JournalError) -> [UInt8] { lock.withLock { documents[seq] ?? [] } }
}
