import AttributedCore
import AttributedServer
import Foundation
import Testing

/// The live feed through the real daemon: a follower's connection parked (suspended) with nothing to send, resumed
/// for each change and for heartbeats, and ended by a stop, over loopback (under ThreadSanitizer too).
@Suite struct LiveFeedTests {
    static func change(_ seq: UInt64) -> RecordedChange {
        RecordedChange(Change(seq: seq, journalSeq: seq, time: "2026-12-07T12:00:00Z", actor: "desk", action: .create,
                              article: "live-\(seq)", revision: 1, etag: "\"0000000000000000\""), document: [])
    }

    @Test func aParkedFollowerGetsEachChangeAHeartbeatAndTheEndAtAStop() throws {
        let api = API(openAPISpecification: BundledResources.openAPISpecification(), heartbeatInterval: 0.2)
        let history = try History(store: MemoryHistory())
        api.feed.attach(history)
        let server = try HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: 0, threads: 2), api: api)
        try server.serve(LiveServer.seed)
        let follower = try RawHTTPClient(port: server.port)
        try follower.send("GET /v1/changes HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        #expect(try follower.readText(until: "following the changes after seq 0").contains("Content-Type: text/event-stream"))
        for seq in 1...3 {
            usleep(50_000)  // parked by now
            try history.append([Self.change(UInt64(seq))])
            #expect(try follower.readText(until: "id: \(seq)\n").contains("\"article\":\"live-\(seq)\""))
        }
        _ = try follower.readText(until: ": heartbeat")
        // Other requests go on meanwhile, on the same workers.
        #expect(try RawHTTPClient(port: server.port).request("GET", "/v1/changes?after=2").status == 200)
        #expect(api.feed.followers.count == 1)
        server.shutdown(drainTimeout: 2)
        #expect(try follower.readText(until: "\r\n0\r\n\r\n").contains("id: 3\n"), "the stream ends with its last chunk")
    }
}
