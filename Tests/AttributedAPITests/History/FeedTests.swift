@testable import AttributedCore
import Foundation
import Testing

/// `/v1/changes`: keyset paging on seq, documents, bad input, and the live followers' logic (the server's side,
/// suspend and resume over a socket, is in Tests/Writes/feed_faults.py).
@Suite struct FeedTests {
    @Test func pagesAfterASeqAndSaysWhereToGoOn() throws {
        let fixture = try HistoryFixture()
        try RevisionTests.writeSequence(fixture)
        let all = fixture.get("/v1/changes")
        #expect(all.status == 200)
        #expect(all.items.map { $0["seq"] as? Int } == [1, 2, 3, 4, 5])
        #expect(all.object["next"] as? Int == 5)
        let page = fixture.get("/v1/changes?after=2&limit=2")
        #expect(page.items.map { $0["seq"] as? Int } == [3, 4])
        #expect(page.object["next"] as? Int == 4)
        #expect(page.header("Link") == "</v1/changes?limit=2&after=4>; rel=\"next\"")
        let end = fixture.get("/v1/changes?after=5")
        #expect(end.items.isEmpty && end.object["next"] as? Int == 5)
        #expect(fixture.get("/v1/changes", lastEventID: "3").items.map { $0["seq"] as? Int } == [4, 5])
    }

    @Test func aReloadOfChangedBaseFilesIsAReloadChange() throws {
        let fixture = try HistoryFixture()
        try fixture.put("moss-pike", WriteFixtures.article())
        _ = try fixture.writer.reload()  // nothing changed: no change
        #expect(fixture.history.count == 1)
        try Data(WriteFixtures.entity("new-source", name: "A New Source"))
            .write(to: URL(fileURLWithPath: (fixture.directory as NSString).appendingPathComponent("extra.json")))
        let store = try fixture.writer.reload()
        let items = fixture.get("/v1/changes?after=1").items
        #expect(items.count == 1)
        #expect(items.first?["action"] as? String == "reload")
        #expect(items.first?["version"] as? String == store.version)
        #expect(items.first?["article"] is NSNull && items.first?["actor"] is NSNull)
    }

    @Test func includeDocumentCarriesTheRevisionsExactBytes() throws {
        let fixture = try HistoryFixture()
        try RevisionTests.writeSequence(fixture)
        let items = fixture.get("/v1/changes?include=document").items
        let first = try #require(items.first?["document"] as? String)
        #expect(Array(first.utf8) == fixture.get("/v1/articles/moss-pike/revisions/1").bodyBytes)
        #expect(items[3]["document"] is NSNull)  // the delete
    }

    @Test func badInputIsAClear400() throws {
        let fixture = try HistoryFixture()
        for target in ["/v1/changes?after=x", "/v1/changes?after=-1", "/v1/changes?after=", "/v1/changes?after=99999999999999999999999",
                       "/v1/changes?limit=0", "/v1/changes?limit=1001", "/v1/changes?include=everything", "/v1/changes?since=1"] {
            let response = fixture.get(target)
            #expect(response.status == 400, "\(target)")
            #expect(response.header("Content-Type") == MediaType.problem)
        }
        for id in ["abc", "-1", "1e3", "", "18446744073709551616"] {
            let response = fixture.get("/v1/changes", accept: EventStream.mediaType, lastEventID: id)
            #expect(response.status == 400, "Last-Event-ID \(id)")
            #expect(response.object["type"] as? String == "urn:attributed:problem:invalid-last-event-id")
        }
    }

    @Test func theEventStreamResumesAfterLastEventIDAndSeesNothingTwice() throws {
        let fixture = try HistoryFixture()
        try RevisionTests.writeSequence(fixture)
        let first = fixture.get("/v1/changes", accept: "text/event-stream")
        #expect(first.status == 200)
        #expect(first.header("Content-Type") == MediaType.eventStream)
        let text = String(decoding: first.bodyBytes, as: UTF8.self)
        #expect(text.hasPrefix("retry: 2000\n"))
        #expect(Self.ids(text) == [1, 2, 3, 4, 5])
        let resumed = String(decoding: fixture.get("/v1/changes", accept: "text/event-stream", lastEventID: "3").bodyBytes, as: UTF8.self)
        #expect(Self.ids(resumed) == [4, 5])
        #expect(fixture.api.feed.followers.count == 0, "a drained follower leaves the hub")
    }

    @Test func followersAreBoundedAndOneThatDoesNotReadIsDropped() throws {
        let metrics = FeedMetrics()
        let hub = FollowerHub(maxFollowers: 2, heartbeatInterval: 1, metrics: metrics)
        let history = try History(store: MemoryHistory())
        let one = try #require(hub.admit(history: history, after: 0, includeDocument: false))
        let two = try #require(hub.admit(history: history, after: 0, includeDocument: false))
        #expect(hub.admit(history: history, after: 0, includeDocument: false) == nil)
        #expect(metrics.refusedFollowers.load(ordering: .relaxed) == 1)
        // `one` reads (and parks once it has all); `two` was sent its opening and never pulls again.
        var parks = 0
        one.bind(park: { parks += 1 }, wake: {})
        two.bind(park: {}, wake: {})
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let now = FollowerHub.now()
        _ = buffer.withUnsafeMutableBytes { two.pull(into: $0.baseAddress!, max: 8, now: now) }
        while case .bytes = buffer.withUnsafeMutableBytes({ one.pull(into: $0.baseAddress!, max: $0.count, now: now) }) {}
        #expect(parks == 1)
        hub.tick(now: now + 3)  // past twice the heartbeat interval
        #expect(metrics.droppedFollowers.load(ordering: .relaxed) == 1)
        #expect(hub.count == 1 && metrics.followers.load(ordering: .relaxed) == 1)
        #expect(buffer.withUnsafeMutableBytes { two.pull(into: $0.baseAddress!, max: 8, now: now + 4) } == .dropped)
        // A parked follower is not dropped: it is woken for a heartbeat.
        #expect(buffer.withUnsafeMutableBytes { one.pull(into: $0.baseAddress!, max: $0.count, now: now + 3) } == .bytes(EventStream.heartbeat.count))
        one.finish()
        two.finish()
        #expect(hub.count == 0 && metrics.followers.load(ordering: .relaxed) == 0)
    }

    @Test func aStoppingHubEndsEveryStream() throws {
        let hub = FollowerHub(maxFollowers: 4, heartbeatInterval: 60)
        let history = try History(store: MemoryHistory())
        let follower = try #require(hub.admit(history: history, after: 0, includeDocument: false))
        var woken = 0
        follower.bind(park: {}, wake: { woken += 1 })
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case .bytes = buffer.withUnsafeMutableBytes({ follower.pull(into: $0.baseAddress!, max: $0.count) }) {}
        hub.close()
        #expect(woken == 1)
        #expect(buffer.withUnsafeMutableBytes { follower.pull(into: $0.baseAddress!, max: $0.count) } == .finished)
        #expect(hub.admit(history: history, after: 0, includeDocument: false) == nil)
        follower.finish()
    }

    @Test func aPrivateServersFeedNeedsAToken() throws {
        let fixture = try WriteRouteTests.Fixture(isPrivate: true)
        for target in ["/v1/changes", "/v1/articles/moss-pike/revisions", "/v1/articles/moss-pike/revisions/1"] {
            #expect(fixture.send("GET", target).status == 401, "\(target)")
        }
        #expect(fixture.send("GET", "/v1/changes", secret: fixture.readSecret).status == 200)
    }

    static func ids(_ stream: String) -> [Int] {
        stream.split(separator: "\n").compactMap { $0.hasPrefix("id: ") ? Int($0.dropFirst(4)) : nil }
    }
}
