@testable import AttributedCore
import Foundation

/// A writer with a history over a copy of the seed in a temporary directory (the files a server keeps), and the API
/// that serves them; `reopen` starts over from the directory, as a restart does.
final class HistoryFixture: @unchecked Sendable {
    let directory: String
    private(set) var api: API!
    private(set) var writer: DatasetWriter!
    private var clockTick = 0

    init() throws {
        directory = NSTemporaryDirectory() + "attributed-history-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let seed = BundledResources.seedDatasetPath!
        try FileManager.default.copyItem(atPath: seed, toPath: (directory as NSString).appendingPathComponent((seed as NSString).lastPathComponent))
        try reopen()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Drops the writer (and its locks) and opens the directory again.
    func reopen(retention: Double? = nil, now: Date = Date()) throws {
        try close()
        let history = try History(store: FileHistory(directory: directory), retention: retention, now: now)
        writer = try DatasetWriter(base: .path(directory), journal: FileJournal(directory: directory), history: history) { _ in }
        api = API(openAPISpecification: BundledResources.openAPISpecification())
        api.attach(writer)
    }

    /// Lets go of the directory (its journal's and history's locks).
    func close() throws {
        writer = nil
        api = nil
    }

    /// Runs `body` with a writer that keeps no history (as if a crash lost the history's append), then reopens.
    func withoutHistory(_ body: (DatasetWriter) throws -> Void) throws {
        writer = nil
        api = nil
        try body(try DatasetWriter(base: .path(directory), journal: FileJournal(directory: directory)) { _ in })
        try reopen()
    }

    /// Folds the journal into the files with no writer open, then reopens.
    func compact() throws {
        writer = nil
        api = nil
        _ = try Compaction.compact(directory: directory)
        try reopen()
    }

    @discardableResult
    func put(_ id: String, _ body: [UInt8], actor: String = "desk") throws -> JournalEntry {
        let etag = writer.store.articleIndex[id].map { writer.store.etags.article($0) }
        return try stored(writer.submit(PendingWrite(operation: .putArticle(id), document: try WriteDocument(body),
                                                     actor: WriteActor(name: actor), ifMatch: etag, ifNoneMatch: nil)))
    }

    @discardableResult
    func delete(_ id: String, actor: String = "desk") throws -> JournalEntry {
        let etag = writer.store.etags.article(writer.store.articleIndex[id]!)
        return try stored(writer.submit(PendingWrite(operation: .deleteArticle(id), document: nil, actor: WriteActor(name: actor),
                                                     ifMatch: etag, ifNoneMatch: nil)))
    }

    @discardableResult
    func putEntity(_ id: String, _ body: [UInt8], actor: String = "desk") throws -> JournalEntry {
        let etag = writer.store.entityIndex[id].map { writer.store.etags.entity($0) }
        return try stored(writer.submit(PendingWrite(operation: .putEntity(id), document: try WriteDocument(body),
                                                     actor: WriteActor(name: actor), ifMatch: etag, ifNoneMatch: nil)))
    }

    private func stored(_ result: WriteResult) throws -> JournalEntry {
        switch result {
        case .stored(_, let entry, _): return entry
        case .refused(let problem): throw problem
        }
    }

    func get(_ target: String, accept: String? = nil, lastEventID: String? = nil, ifNoneMatch: String? = nil) -> Response {
        var request = SeedAPI.request(target, ifNoneMatch: ifNoneMatch)
        request.accept = accept
        request.lastEventID = lastEventID
        return api.respond(to: request, store: writer.store)
    }

    var history: History { writer.history! }
}
