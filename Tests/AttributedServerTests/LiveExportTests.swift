@testable import AttributedCore
import Foundation
import Testing

/// Bulk exports over the wire: chunked, whole, HEAD without a body (closing), 304, the connection kept alive;
/// a client that leaves mid-stream frees the stream (the metrics count it) and the server stays healthy; an export
/// in flight during a reload finishes on the store it started on.
@Suite struct LiveExportTests {
    /// Claims enough that an export (about 15 MB of NDJSON) cannot fit in the sockets' buffers: a client that stops
    /// reading leaves the server with rows still to render.
    static let large: Store = {
        let count = 25_000
        var body = ""
        var claims: [String] = []
        claims.reserveCapacity(count)
        for index in 0..<count {
            let quote = "the plan \(index) was approved"
            let sentence = "The council said \(quote). "
            let start = body.utf8.count + 17
            body += sentence
            claims.append(#"{"id":"c\#(String(format: "%05d", index))","article":"story","span":{"field":"body","start":\#(start),"end":\#(start + quote.utf8.count),"exact":"\#(quote)","prefix":"","suffix":""},"text":"\#(quote)","about":[],"proposition":"p\#(index)","chain":[{"source":"gazette","cue":null,"mode":"narration","attributionType":"assertion","factuality":"Uu","recipient":null,"derivation":null},{"source":"council","cue":null,"mode":"indirect_speech","attributionType":"assertion","factuality":"CT+","recipient":null,"derivation":"paraphrase"}]}"#)
        }
        let entity = { (id: String, kind: String, name: String) in
            #"{"id":"\#(id)","kind":"\#(kind)","name":"\#(name)","descriptor":null,"aliases":[],"anonymity":"named","anonymityReason":null,"affiliation":null,"roles":[]}"#
        }
        let json = #"{"format":"\#(DatasetLoader.format)","articles":[{"id":"story","headline":"A story","summary":[],"body":"\#(body)","publisher":"gazette","authors":[],"byline":null,"published":null,"url":null,"language":"en"}],"entities":[\#(entity("council", "organization", "The Council")),\#(entity("gazette", "publication", "The Gazette"))],"claims":[\#(claims.joined(separator: ","))]}"#
        do { return Store(try DatasetLoader.load(files: [("large.json", Array(json.utf8))])) } catch {
            fatalError("the large dataset must load: \(error)")
        }
    }()

    static func metric(_ name: String, of live: LiveServer) throws -> Int? {
        let text = try live.client().request("GET", "/metrics").text
        return text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Int($0.split(separator: " ")[1]) }
    }

    @Test func aWholeExportIsChunkedAndTheConnectionLivesOn() throws {
        let live = try LiveServer()
        let client = try live.client()
        let export = try client.request("GET", "/v1/claims?format=ndjson")
        #expect(export.status == 200)
        #expect(export.header("Content-Type") == "application/x-ndjson")
        #expect(export.header("Transfer-Encoding") == "chunked")
        #expect(export.header("Vary") == "Accept, Accept-Encoding")
        #expect(export.header("Content-Encoding") == nil)
        let lines = export.body.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 28)
        let page = try client.request("GET", "/v1/claims?limit=500")
        let items = try #require(JSONSerialization.jsonObject(with: Data(page.body)) as? [String: Any])["items"] as? [NSDictionary]
        #expect(try lines.map { try JSONSerialization.jsonObject(with: Data($0)) as? NSDictionary } == items)

        let csv = try client.request("GET", "/v1/entities?format=csv")
        #expect(csv.status == 200)
        #expect(csv.text.hasPrefix(EntityCSV.columns.joined(separator: ",") + "\r\n"))
        #expect(csv.text.components(separatedBy: "\r\n").count == 27 + 2)  // header, 27 rows, the empty tail

        // HEAD: the headers, then the connection closes with not one byte more (libmicrohttpd 0.9.75 would end a
        // chunked HEAD with a last chunk; StreamedResponse has it neither chunk nor keep alive).
        let headClient = try live.client()
        let head = try headClient.request("HEAD", "/v1/claims?format=csv")
        #expect(head.status == 200)
        #expect(head.header("ETag") == (try client.request("GET", "/v1/claims?format=csv")).header("ETag"))
        #expect(head.header("Transfer-Encoding") == nil)
        #expect(headClient.isClosedByServer())
        let etag = try #require(export.header("ETag"))
        #expect(try client.request("GET", "/v1/claims?format=ndjson", headers: ["If-None-Match: \(etag)"]).status == 304)
        // Had HEAD or the exports left bytes behind, this would not parse as a reply.
        #expect(try client.request("GET", "/healthz").status == 200)
        #expect(!client.isClosedByServer())
        #expect(try Self.metric("attributed_exports_open", of: live) == 0)
        let total = try live.client().request("GET", "/metrics").text
        #expect(total.contains(#"attributed_exports_total{outcome="complete"} 3"#))
        #expect(total.contains(#"attributed_exports_total{outcome="abandoned"} 1"#))  // the HEAD
    }

    @Test func aClientThatLeavesMidStreamFreesIt() throws {
        let live = try LiveServer(store: Self.large)
        do {
            let leaving = try live.client()
            try leaving.send("GET /v1/claims?format=ndjson HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try leaving.readHead(andAtLeast: 100_000) >= 100_000)
            let open = try withExtendedLifetime(leaving) { try Self.metric("attributed_exports_open", of: live) }
            #expect(open == 1)
        }  // closed here, with most of the export unsent
        // MHD notices at its next write; poll the gauge (a bounded number of times, not a timed assertion).
        var open = try Self.metric("attributed_exports_open", of: live)
        for _ in 0..<100 where open != 0 {
            usleep(50_000)
            open = try Self.metric("attributed_exports_open", of: live)
        }
        #expect(open == 0)
        let metrics = try live.client().request("GET", "/metrics").text
        #expect(metrics.contains(#"attributed_exports_total{outcome="abandoned"} 1"#))
        #expect(metrics.contains(#"attributed_exports_total{outcome="complete"} 0"#))
        #expect(try live.client().request("GET", "/v1/claims/c00042").status == 200)
    }

    @Test func anExportInFlightFinishesOnTheStoreItStartedOn() throws {
        let live = try LiveServer(store: Self.large)
        let client = try live.client()
        try client.send("GET /v1/claims?format=csv HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try client.readHead(andAtLeast: 10_000)
        try live.server.serve(LiveServer.seed)  // what SIGHUP does
        #expect(try live.client().request("GET", "/v1/claims?format=csv").text.components(separatedBy: "\r\n").count == 28 + 2)
        let rest = try client.readReply()  // the head was only peeked at
        let rows = rest.text.components(separatedBy: "\r\n").dropLast()
        #expect(rows.count == 25_000 + 1)
        #expect(rows.last?.hasPrefix("c24999,story,") == true)
    }

    /// A gzip client gets an export compressed chunk by chunk through one deflate stream (whatever its size: it is
    /// known only at the end), under the gzip tag; it decompresses, with gzip(1), to the identity export's bytes,
    /// over many chunks of the 25,000-claim dataset and for an export of one small row alike.
    @Test(arguments: ["/v1/claims?format=ndjson", "/v1/claims?format=csv&min_depth=2", "/v1/entities?format=csv&kind=organization"])
    func aGzipClientGetsTheExportCompressedChunkByChunk(target: String) throws {
        let live = try LiveServer(store: Self.large)
        let client = try live.client()
        let identity = try client.request("GET", target)
        let compressed = try client.request("GET", target, headers: ["Accept-Encoding: gzip"])
        #expect(compressed.status == 200)
        #expect(compressed.header("Content-Encoding") == "gzip")
        #expect(compressed.header("Transfer-Encoding") == "chunked")
        #expect(compressed.header("Vary") == "Accept, Accept-Encoding")
        #expect(compressed.header("ETag") == identity.header("ETag").map(ETag.gzipped))
        #expect(compressed.body.count < identity.body.count || identity.body.count < 1024)
        #expect(try Self.gunzip(compressed.body) == identity.body)
        let etag = try #require(compressed.header("ETag"))
        #expect(try client.request("GET", target, headers: ["Accept-Encoding: gzip", "If-None-Match: \(etag)"]).status == 304)
        #expect(try client.request("GET", "/healthz").status == 200)  // the chunked reply ended where it should
        let metrics = try client.request("GET", "/metrics").text
        #expect(metrics.contains(#"attributed_exports_total{outcome="complete"} 2"#))
    }

    /// gzip(1) -dc, the reference decompressor (Debian's `gzip` is essential): the bytes of one complete member.
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Written from another thread: the output pipe must be read while the input is written, or both fill.
        let writer = Thread { input.fileHandleForWriting.write(Data(bytes)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return Array(data)
    }
}
