@testable import AttributedCore
import Testing

/// gzip over the wire: what libmicrohttpd sends for each kind of body, HEAD's Content-Length, and the response
/// cache keeping the two codings of a hot resource apart. A gzip body must be the in-process API's, byte for byte
/// (the compression is deterministic; GzipStreamTests checks that it decompresses).
@Suite struct LiveGzipTests {
    static let gzipPaths = ["/v1/claims", "/v1/claims/c09/provenance", "/openapi.yaml", "/explore/", "/explore/assets/explorer.js",
                            "/v1/articles?limit=20"]

    @Test func gzipBodiesAreTheAPIsAndIdentityStaysIdentity() throws {
        let live = try LiveServer()
        let client = try live.client()
        for path in Self.gzipPaths {
            let expected = LiveServer.api.respond(to: SeedRequest.parse(path, acceptEncoding: "gzip"), store: LiveServer.seed)
            let reply = try client.request("GET", path, headers: ["Accept-Encoding: gzip"])
            #expect(reply.status == 200)
            #expect(reply.header("Content-Encoding") == "gzip", "\(path)")
            #expect(reply.body == expected.bodyBytes, "\(path)")
            #expect(reply.header("ETag") == expected.header("ETag"))
            #expect(reply.header("Vary")?.contains("Accept-Encoding") == true)
            let identity = try client.request("GET", path)
            #expect(identity.header("Content-Encoding") == nil)
            #expect(identity.body == LiveServer.api.respond(to: SeedRequest.parse(path), store: LiveServer.seed).bodyBytes)
            #expect(identity.header("ETag").map(ETag.gzipped) == reply.header("ETag"))
        }
    }

    /// MHD answers HEAD with the headers of the response queued, the gzip one: its Content-Length is the gzip
    /// body's length, and no body follows.
    @Test(arguments: ["/openapi.yaml", "/v1/claims", "/v1/claims/c09/provenance"])
    func headGivesTheGzipContentLength(path: String) throws {
        let live = try LiveServer()
        let client = try live.client()
        let get = try client.request("GET", path, headers: ["Accept-Encoding: gzip"])
        let head = try client.request("HEAD", path, headers: ["Accept-Encoding: gzip"])
        #expect(head.status == 200)
        #expect(head.header("Content-Encoding") == "gzip")
        #expect(head.header("Content-Length") == String(get.body.count))
        #expect(head.header("ETag") == get.header("ETag"))
        #expect(try client.request("GET", "/healthz").status == 200)  // had HEAD sent a body, this would fail
    }

    /// A hot resource is served from the response cache after its second miss: interleaving both codings through
    /// pass, admission and hits, each request still gets its own coding.
    @Test func theResponseCacheNeverServesTheOtherCoding() throws {
        let live = try LiveServer()
        let client = try live.client()
        let path = "/v1/claims/c09/provenance"
        let identity = LiveServer.api.respond(to: SeedRequest.parse(path), store: LiveServer.seed)
        let gzipped = LiveServer.api.respond(to: SeedRequest.parse(path, acceptEncoding: "gzip"), store: LiveServer.seed)
        for attempt in 1...4 {
            for (header, expected) in [("gzip", gzipped), ("identity", identity)] {
                let reply = try client.request("GET", path, headers: ["Accept-Encoding: \(header)"])
                #expect(reply.body == expected.bodyBytes, "\(header), request \(attempt)")
                #expect(reply.header("ETag") == expected.header("ETag"))
                #expect(reply.header("Content-Encoding") == expected.header("Content-Encoding"))
            }
        }
    }

    @Test func notModifiedPerCodingOverTheWire() throws {
        let live = try LiveServer()
        let client = try live.client()
        let gzipped = try client.request("GET", "/openapi.yaml", headers: ["Accept-Encoding: gzip"])
        let tag = try #require(gzipped.header("ETag"))
        #expect(try client.request("GET", "/openapi.yaml", headers: ["Accept-Encoding: gzip", "If-None-Match: \(tag)"]).status == 304)
        let identity = try client.request("GET", "/openapi.yaml", headers: ["If-None-Match: \(tag)"])
        #expect(identity.status == 200)
        #expect(identity.header("Content-Encoding") == nil)
    }
}
