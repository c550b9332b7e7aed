import AttributedCore
import Foundation
import Testing

/// The real libmicrohttpd daemon over loopback sockets: what only the wire can show.
@Suite struct LiveHTTPTests {
    @Test func keepAliveSurvives200And404And304And400() throws {
        let live = try LiveServer()
        let client = try live.client()
        let first = try client.request("GET", "/v1/claims/c01")
        #expect(first.status == 200)
        let etag = try #require(first.header("ETag"))
        #expect(try client.request("GET", "/v1/nope").status == 404)
        #expect(try client.request("GET", "/v1/claims/c01", headers: ["If-None-Match: \(etag)"]).status == 304)
        #expect(try client.request("GET", "/v1/claims?limit=zero").status == 400)
        let last = try client.request("GET", "/healthz")
        #expect(last.status == 200)
        for reply in [first, last] { #expect(reply.header("Connection") == nil) }
        #expect(!client.isClosedByServer())
    }

    @Test func headSendsGetsHeadersWithoutTheBody() throws {
        let live = try LiveServer()
        let client = try live.client()
        let get = try client.request("GET", "/v1/claims/c09/provenance")
        let head = try client.request("HEAD", "/v1/claims/c09/provenance")
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == get.header("Content-Length"))
        #expect(head.header("ETag") == get.header("ETag"))
        // Had HEAD sent a body, these bytes would be read as the next reply's status line.
        #expect(try client.request("GET", "/healthz").status == 200)
    }

    @Test func otherMethodsGet405WithAllowAndTheBodyIsNotRead() throws {
        let live = try LiveServer()
        let client = try live.client()
        try client.send("POST /v1/claims HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\npartial")
        let reply = try client.readReply()
        #expect(reply.status == 405)
        #expect(reply.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(reply.header("Content-Type") == "application/problem+json")
        #expect(client.isClosedByServer())
    }

    @Test(arguments: [
        "Content-Length: 5\r\n\r\nhello",
        "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "Content-Length: 0\r\nContent-Length: 5\r\n\r\nhello",
        "Transfer-Encoding: gzip\r\n\r\n",
    ])
    func getWithABodyIsRejectedAtOnce(framing: String) throws {
        let live = try LiveServer()
        let client = try live.client()
        try client.send("GET /v1/claims HTTP/1.1\r\nHost: x\r\n" + framing)
        let reply = try client.readReply()
        #expect(reply.status == 400)
        #expect(reply.text.contains("urn:attributed:problem:body-not-allowed"))
        #expect(client.isClosedByServer())
    }

    @Test func hugeURLAndHugeHeaderAreAnsweredNotHung() throws {
        let live = try LiveServer()
        let url = try live.client()
        try url.send("GET /v1/claims/" + String(repeating: "a", count: 20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try url.readReply().status == 414)
        let header = try live.client()
        try header.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 20_000) + "\r\n\r\n")
        #expect(try header.readReply().status == 431)
        #expect(try live.client().request("GET", "/healthz").status == 200)
    }

    /// A few hundred arguments fill MHD's connection pool; 0.9.75 would then hold the connection silently until the idle
    /// timeout. They are refused at once instead, and the connection stays usable.
    @Test(arguments: [65, 300, 1000])
    func manyQueryParametersAreRefusedAtOnce(count: Int) throws {
        let live = try LiveServer()
        let client = try live.client()
        let query = (0..<count).map { "a\($0)=1" }.joined(separator: "&")
        let reply = try client.request("GET", "/v1/claims?\(query)")
        #expect(reply.status == 400)
        #expect(reply.text.contains("urn:attributed:problem:too-many-parameters"))
        #expect(try client.request("GET", "/healthz").status == 200)
    }

    // MHD decodes %2F to "/" before routing, so an encoded slash can only add segments: never a file path, at worst 404.
    @Test(arguments: ["/v1/claims/c01%2Fx", "/v1/claims/a%2Fb", "/v1/claims/c01%00", "/v1/claims/c01%00/provenance", "/v1/%2e%2e/healthz",
                      "/v1/claims/%ff%fe", "/v1/claims/c01%"])
    func encodedSeparatorsAndNULAre404(path: String) throws {
        let live = try LiveServer()
        let client = try live.client()
        let reply = try client.request("GET", path)
        #expect(reply.status == 404)
        #expect(try client.request("GET", "/healthz").status == 200)
    }

    @Test func paginationOverHTTPReturnsEveryClaimOnce() throws {
        let live = try LiveServer()
        let client = try live.client()
        var target = "/v1/claims?limit=3"
        var ids: [String] = []
        for _ in 0..<20 {
            let reply = try client.request("GET", target)
            #expect(reply.status == 200)
            let object = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
            ids += (object?["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            guard let link = reply.header("Link") else { break }
            target = String(link.dropFirst().prefix { $0 != ">" })
        }
        #expect(ids.count == 28)
        #expect(Set(ids).count == 28)
    }

    @Test func seedChainsEndToEnd() throws {
        let live = try LiveServer()
        let client = try live.client()
        func chain(_ claim: String) throws -> [(source: String, cue: String?, mode: String)] {
            let reply = try client.request("GET", "/v1/claims/\(claim)/provenance")
            let object = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
            return (object?["chain"] as? [[String: Any]] ?? []).map { link in
                ((link["source"] as? [String: Any])?["id"] as? String ?? "?",
                 (link["cue"] as? [String: Any])?["text"] as? String, link["mode"] as? String ?? "?")
            }
        }
        // "We received reports that…", sources claimed: three links, not two.
        let reports = try chain("c09")
        #expect(reports.map(\.source) == ["pakistan-today", "pakistan-today-sources", "sources-unspecified-informants"])
        #expect(reports.map(\.cue) == [nil, "claimed", "We received reports that"])
        // The letter reads "It has been reported that…".
        #expect(try chain("c15").map(\.mode) == ["narration", "document_citation", "impersonal_report"])
        // Khattab "believed": a belief, not a statement.
        #expect(try chain("c28").map(\.cue) == [nil, "believed"])
        // The attack itself is the paper's own narration.
        #expect(try chain("c05").map(\.source) == ["pakistan-today"])
    }

    /// The bridge hands `Accept` to the API: a browser at `/` is sent to the explorer, curl gets the index.
    @Test func rootNegotiatesOverTheWire() throws {
        let live = try LiveServer()
        let client = try live.client()
        let browser = try client.request("GET", "/", headers: ["Accept: text/html,application/xhtml+xml", "Accept: */*;q=0.8"])
        #expect(browser.status == 303)
        #expect(browser.header("Location") == "/explore/")
        #expect(browser.header("Vary") == "Accept")
        let curl = try client.request("GET", "/", headers: ["Accept: */*"])
        #expect(curl.status == 200)
        #expect(curl.header("Content-Type") == "application/json")
        #expect(curl.text.contains(#""explorer":"/explore/""#))
        #expect(!client.isClosedByServer())
    }

    @Test func explorerPagesAndAssetsCarryTheirPolicyOverTheWire() throws {
        let live = try LiveServer()
        let client = try live.client()
        for path in ["/explore/", "/explore/articles/is-emerging-in-karachi", "/explore/assets/explorer.js", "/explore/claims/nope"] {
            let reply = try client.request("GET", path)
            #expect(reply.status == (path.hasSuffix("nope") ? 404 : 200), "\(path)")
            #expect(reply.header("Content-Security-Policy") == "default-src 'self'", "\(path)")
            #expect(reply.header("X-Content-Type-Options") == "nosniff", "\(path)")
        }
        let page = try client.request("GET", "/explore/articles/is-emerging-in-karachi")
        #expect(page.text.components(separatedBy: #"<mark class="claim anonymity-"#).count - 1 == 28)
        let etag = try #require(page.header("ETag"))
        #expect(try client.request("GET", "/explore/articles/is-emerging-in-karachi", headers: ["If-None-Match: \(etag)"]).status == 304)
    }

    @Test func readinessIs503UntilADatasetIsServedThenSwapsWhole() throws {
        let live = try LiveServer(store: nil)
        let client = try live.client()
        #expect(try client.request("GET", "/healthz").status == 200)
        #expect(try client.request("GET", "/readyz").status == 503)
        #expect(try client.request("GET", "/v1/claims/c01").status == 503)
        try live.server.serve(LiveServer.seed)
        let ready = try client.request("GET", "/readyz")
        #expect(ready.status == 200)
        #expect(ready.text.contains(LiveServer.seed.version))
        #expect(try client.request("GET", "/v1/claims/c01").status == 200)
    }

    @Test func concurrentClientsOnAllWorkers() async throws {
        let live = try LiveServer(threads: 2)
        let port = live.port
        try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let client = try RawHTTPClient(port: port)
                    var ok = 0
                    for index in 0..<50 {
                        let id = String(format: "c%02d", (index + worker) % 28 + 1)
                        if try client.request("GET", "/v1/claims/\(id)").status == 200 { ok += 1 }
                    }
                    return ok
                }
            }
            var total = 0
            for try await ok in group { total += ok }
            #expect(total == 400)
        }
    }
}

/// Dataset resources are rendered per request, and hot ones are kept as finished responses (admitted on their
/// second miss): every way through must send the same bytes as the in-process API.
@Suite struct LiveRenderedResourceTests {
    @Test func passAdmitAndHitSendTheSameBytes() throws {
        let live = try LiveServer()
        let client = try live.client()
        for path in ["/v1/claims/c09", "/v1/claims/c09/provenance", "/v1/entities/karachi", "/v1/articles/is-emerging-in-karachi"] {
            let expected = LiveServer.api.respond(to: Request(path: path), store: LiveServer.seed)
            for attempt in 1...4 {
                let reply = try client.request("GET", path)
                #expect(reply.status == 200)
                #expect(reply.body == expected.bodyBytes, "\(path), request \(attempt)")
                #expect(reply.header("ETag") == expected.header("ETag"))
            }
        }
    }

    @Test func aReloadedDatasetIsNeverAnsweredFromTheOldOnesCache() throws {
        let live = try LiveServer()
        let client = try live.client()
        for _ in 1...3 { _ = try client.request("GET", "/v1/claims/c09") }  // cached by now
        let changed = try DatasetLoader.load(files: [("seed.json", Array(String(decoding: FileManager.default.contents(
            atPath: BundledResources.seedDatasetPath!)!, as: UTF8.self)
            .replacingOccurrences(of: "Some militants arrived in Karachi and made a new group that was IS\",",
                                  with: "Some militants arrived in Karachi, it is claimed\",").utf8))])
        try live.server.serve(Store(changed))
        let reply = try client.request("GET", "/v1/claims/c09")
        #expect(String(decoding: reply.body, as: UTF8.self).contains("it is claimed"))
    }
}
