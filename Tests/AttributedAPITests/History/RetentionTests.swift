@testable import AttributedCore
import Foundation
import Testing

/// `--history-retention`: old changes are left out, never each article's last revision nor the last seq, and a
/// follower positioned among what was left out is told (410), not silently skipped past it.
@Suite struct RetentionTests {
    static func change(_ seq: UInt64, _ article: String, _ revision: Int, _ time: String) -> RecordedChange {
        RecordedChange(Change(seq: seq, journalSeq: seq, time: time, actor: "desk", action: revision == 1 ? .create : .update,
                              article: article, revision: revision, etag: "\"0000000000000000\""),
                       document: Array("{\"n\": \(seq)}".utf8))
    }

    static let now = ISO8601DateFormatter().date(from: "2026-12-07T12:00:00Z")!

    @Test func keepsTheRecentTheLastOfEachArticleAndTheLastSeq() throws {
        let memory = MemoryHistory()
        try memory.append([Self.change(1, "a", 1, "2026-01-01T00:00:00Z"), Self.change(2, "a", 2, "2026-01-02T00:00:00Z"),
                           Self.change(3, "b", 1, "2026-01-03T00:00:00Z"), Self.change(4, "a", 3, "2026-12-06T00:00:00Z")])
        let history = try History(store: memory, retention: 7 * 86_400, now: Self.now)
        #expect(history.revisions(of: "a").map(\.revision) == [3])
        #expect(history.revisions(of: "b").map(\.revision) == [1], "an article's last revision stays, however old")
        #expect(history.lastRevision(of: "a") == 3 && history.lastSeq == 4)
        #expect(history.prunedThrough == 2)
        #expect(history.missesPrunedChanges(after: 1) && !history.missesPrunedChanges(after: 2))
        #expect(try History(store: memory, now: Self.now).count == 4, "without a retention everything is kept")
    }

    @Test func aFollowerAmongPrunedChangesIsToldAndNumberingGoesOn() throws {
        let fixture = try HistoryFixture()
        try RevisionTests.writeSequence(fixture)
        try fixture.reopen(retention: 0.001, now: Date().addingTimeInterval(3600))  // everything is an hour old
        #expect(fixture.history.revisions(of: RevisionTests.article).map(\.revision) == [5])
        let pruned = fixture.get("/v1/changes?after=1")
        #expect(pruned.status == 410)
        #expect(pruned.object["type"] as? String == "urn:attributed:problem:changes-pruned")
        #expect(fixture.get("/v1/changes?after=4").items.map { $0["seq"] as? Int } == [5])
        #expect(fixture.get("/v1/articles/\(RevisionTests.article)/revisions/2").status == 404)
        #expect(fixture.get("/v1/articles/\(RevisionTests.article)/revisions/5").status == 200)
        try fixture.put(RevisionTests.article, WriteFixtures.article(headline: "Sixth"))
        #expect(fixture.history.revisions(of: RevisionTests.article).map(\.revision) == [5, 6])
    }

    @Test func compactionRewritesTheFileWithWhatIsKept() throws {
        let fixture = try HistoryFixture()
        try RevisionTests.writeSequence(fixture)
        let fifth = fixture.get("/v1/articles/\(RevisionTests.article)/revisions/5").bodyBytes
        try fixture.close()
        try FileHistory(directory: fixture.directory).rewrite(keeping: [3, 5])
        try fixture.reopen()
        #expect(fixture.history.changes(after: 0, limit: 10).map(\.seq) == [3, 5])
        #expect(fixture.get("/v1/articles/\(RevisionTests.article)/revisions/5").bodyBytes == fifth)
        try fixture.put(RevisionTests.article, WriteFixtures.article(headline: "Sixth"))
        #expect(fixture.history.changes(after: 0, limit: 10).map(\.seq) == [3, 5, 6])
        #expect(RetentionPeriod.seconds("90d") == 90 * 86_400 && RetentionPeriod.seconds("12h") == 43_200)
        #expect(RetentionPeriod.seconds("3600") == 3600 && RetentionPeriod.seconds("0d") == nil && RetentionPeriod.seconds("d") == nil)
        #expect(RetentionPeriod.seconds("-1h") == nil && RetentionPeriod.seconds("1w") == nil)
    }
}
