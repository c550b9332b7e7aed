@testable import AttributedCore
import Foundation
import Testing

/// The server folding its own journal into the files (`serve --compact-after`), in turn with the writes.
@Suite struct WriterCompactionTests {
    /// A dataset directory holding the seed, and a writer on it whose journal passes `compactAfter` bytes.
    static func directoryWriter(compactAfter: Int?, compacted: @escaping @Sendable (Result<Compaction.Report, any Error>) -> Void = { _ in })
        throws -> (directory: String, writer: DatasetWriter) {
        let directory = NSTemporaryDirectory() + "attributed-compaction-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in WriteFixtures.seedFiles {
            try Data(file.bytes).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(file.name)))
        }
        let writer = try DatasetWriter(base: .path(directory), journal: try FileJournal(directory: directory),
                                       compactAfter: compactAfter, compacted: compacted) { _ in }
        return (directory, writer)
    }

    @Test func aCommitPastTheBoundCompactsInTheBackgroundAndKeepsEveryRecord() throws {
        let reports = Locked<[Result<Compaction.Report, any Error>]>([])
        let (directory, writer) = try Self.directoryWriter(compactAfter: 1) { result in reports.withLock { $0.append(result) } }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let before = writer.store.counts
        #expect(writer.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article(), ifNoneMatch: "*")).isStored)

        // The write was answered before the compaction it started; wait for that one to finish (bounded).
        let deadline = Date().addingTimeInterval(60)
        while reports.withLock({ $0.isEmpty }), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let report = try #require(try reports.withLock { $0 }.first?.get())
        #expect(report.entries == 1)
        #expect(writer.metrics.compactionCount == 1)
        #expect(writer.journalEntries == 0)
        #expect(try FileJournal(directory: directory, exclusive: false).replay().entries.isEmpty)
        let store = writer.store
        #expect(store.counts.articles == before.articles + 1)
        #expect(store.articleIndex["moss-pike"] != nil)
        #expect(store.version == report.version)

        // The files alone now hold the write, and a fresh load of the directory is what the writer serves.
        #expect(FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(Compaction.writtenFileName)))
        let fresh = try DatasetDirectory.load(path: directory).dataset
        #expect(fresh.version == store.version)
        #expect(fresh.counts == store.counts)

        // Writes go on after it, on the emptied journal.
        let etag = store.etags.article(store.articleIndex["moss-pike"]!)
        let renamed = WriteFixtures.article(headline: "Moss, again")
        #expect(writer.submit(try WriteFixtures.put("moss-pike", renamed, ifMatch: etag)).isStored)
        #expect(writer.store.articles[writer.store.articleIndex["moss-pike"]!].headline == "Moss, again")
    }

    @Test func belowTheBoundNothingIsCompacted() throws {
        let (directory, writer) = try Self.directoryWriter(compactAfter: 1 << 30)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(writer.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article(), ifNoneMatch: "*")).isStored)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(writer.metrics.compactionCount == 0)
        #expect(writer.journalEntries == 1)
        #expect(!FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(Compaction.writtenFileName)))
    }

    @Test func anExplicitCompactionWaitsForNoWriteAndEmptiesTheJournal() throws {
        let (directory, writer) = try Self.directoryWriter(compactAfter: nil)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(writer.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article(), ifNoneMatch: "*")).isStored)
        let report = try writer.compact()
        #expect(report.entries == 1)
        #expect(try writer.compact().entries == 0)
        #expect(writer.store.articleIndex["moss-pike"] != nil)
    }
}
