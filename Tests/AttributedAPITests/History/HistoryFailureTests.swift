@testable import AttributedCore
import Foundation
import Synchronization
import Testing

/// A history store that refuses appends: a full disk delays the history (its changes are served, kept and stored with
/// the next ones); any other failure stops the writes, never giving a seq twice.
@Suite struct HistoryFailureTests {
    final class FailingStore: HistoryStore, @unchecked Sendable {
        let inner = MemoryHistory()
        let failures = Mutex<[JournalError]>([])

        func load() throws(JournalError) -> HistoryReplay { try inner.load() }
        func document(seq: UInt64) throws(JournalError) -> [UInt8] { try inner.document(seq: seq) }
        func append(_ changes: [RecordedChange]) throws(JournalError) {
            if let failure = failures.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { throw failure }
            try inner.append(changes)
        }
    }

    static func writer(_ store: FailingStore) throws -> DatasetWriter {
        try DatasetWriter(base: .files(WriteFixtures.seedFiles), journal: MemoryJournal(), history: History(store: store)) { _ in }
    }

    @Test func aFullDiskDelaysTheHistoryAndLosesNothing() throws {
        let store = FailingStore()
        store.failures.withLock { $0 = [.noSpace("test")] }
        let writer = try Self.writer(store)
        #expect(writer.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article(), ifNoneMatch: "*")).isStored)
        #expect(writer.history!.changes(after: 0, limit: 10).map(\.seq) == [1], "served although not stored yet")
        #expect(try store.load().changes.isEmpty)
        #expect(try writer.history!.document(of: writer.history!.changes(after: 0, limit: 1)[0]).isEmpty == false)
        #expect(writer.submit(try WriteFixtures.put("other", WriteFixtures.article(id: "other", claimId: "o1"), ifNoneMatch: "*")).isStored)
        #expect(try store.load().changes.map(\.seq) == [1, 2], "stored with the next ones")
    }

    @Test func anyOtherFailureStopsTheWrites() throws {
        let store = FailingStore()
        store.failures.withLock { $0 = [.failed("test")] }
        let writer = try Self.writer(store)
        #expect(writer.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article(), ifNoneMatch: "*")).isStored)
        let refused = writer.submit(try WriteFixtures.put("other", WriteFixtures.article(id: "other", claimId: "o1"), ifNoneMatch: "*"))
        #expect(refused.problem?.status == 503)
    }
}
