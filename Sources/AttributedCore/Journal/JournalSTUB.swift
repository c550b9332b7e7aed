// TEMPORARY stub until the journal module lands (replaced by it).
import Foundation
public enum JournalAction: String, Sendable { case putArticle = "put_article", deleteArticle = "delete_article", putEntity = "put_entity", bulk = "bulk" }
public struct JournalEntry: Sendable, Equatable {
    public var seq: UInt64
    public var time: String
    public var actor: String
    public var action: JournalAction
    public var articles: [String]
    public var entities: [String]
    public var document: [UInt8]
    public init(seq: UInt64, time: String, actor: String, action: JournalAction, articles: [String], entities: [String], document: [UInt8]) {
        self.seq = seq; self.time = time; self.actor = actor; self.action = action; self.articles = articles; self.entities = entities; self.document = document
    }
}
public struct JournalReplay: Sendable {
    public var entries: [JournalEntry]
    public var droppedTail: String?
    public var byteSize: Int
}
public enum JournalError: Error, Sendable, CustomStringConvertible {
    case noSpace(String), failed(String), poisoned(String)
    public var description: String { switch self { case .noSpace(let s), .failed(let s), .poisoned(let s): s } }
}
public protocol Journal: AnyObject, Sendable {
    func replay() throws(JournalError) -> JournalReplay
    func append(_ entries: [JournalEntry]) throws(JournalError)
    var byteSize: Int { get }
    func reset() throws(JournalError)
}
public final class MemoryJournal: Journal, @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [JournalEntry] = []
    public init() {}
    public func replay() throws(JournalError) -> JournalReplay { lock.withLock { JournalReplay(entries: entries, droppedTail: nil, byteSize: entries.reduce(0) { $0 + $1.document.count }) } }
    public func append(_ new: [JournalEntry]) throws(JournalError) { lock.withLock { entries += new } }
    public var byteSize: Int { lock.withLock { entries.reduce(0) { $0 + $1.document.count } } }
    public func reset() throws(JournalError) { lock.withLock { entries = [] } }
}
