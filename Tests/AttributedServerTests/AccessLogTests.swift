import AttributedCore
import AttributedServer
import Foundation
import Testing

/// The access log of the real daemon: a JSON line per request with what only the wire knows (the client's address,
/// the raw target, the user agent, the body length), reopened for logrotate, never blocking a request.
@Suite struct AccessLogTests {
    private func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Polls, bounded, where a fixed sleep would race the writer thread (it flushes every 20 ms, later under load).
    private func waitUntil(_ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(10)
        while !condition(), Date() < deadline { usleep(10_000) }
    }

    @Test func logsEveryRequestAndReopensAfterARename() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("access-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("access.log").path
        let server = try HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: 0, threads: 2, accessLog: .file(path)),
                                    api: API(openAPISpecification: BundledResources.openAPISpecification()))
        try server.serve(LiveServer.seed)
        let client = try RawHTTPClient(port: server.port)
        let claim = try client.request("GET", "/v1/claims/c09?", headers: ["User-Agent: probe/1.0 \"quoted\""])
        #expect(claim.status == 400 || claim.status == 200)
        #expect(try client.request("GET", "/v1/claims/c%30%39").status == 200)
        #expect(try client.request("HEAD", "/v1/claims/c09").status == 200)
        #expect(try client.request("GET", "/v1/nope").status == 404)
        let rejected = try RawHTTPClient(port: server.port)
        try rejected.send("PUT /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try rejected.readReply().status == 405)

        // logrotate: move the file away, then SIGUSR1 (here: the call it makes); the next lines go to a new file.
        waitUntil { ((try? lines(path))?.count ?? 0) >= 5 }
        let rotated = path + ".1"
        try FileManager.default.moveItem(atPath: path, toPath: rotated)
        server.reopenAccessLog()
        waitUntil { FileManager.default.fileExists(atPath: path) }
        #expect(try client.request("GET", "/healthz").status == 200)
        server.shutdown(drainTimeout: 1)

        let before = try lines(rotated)
        #expect(before.count == 5)
        let byTarget = Dictionary(before.map { ($0["target"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let decoded = try #require(byTarget["/v1/claims/c%30%39"], "the raw target, as sent: \(byTarget.keys)")
        #expect(decoded["status"] as? Int == 200)
        #expect(decoded["client"] as? String == "127.0.0.1")
        #expect(decoded["method"] as? String == "GET")
        #expect(decoded["dataset"] as? String == LiveServer.seed.version)
        #expect((decoded["bytes"] as? Int ?? 0) > 1000)
        #expect(decoded["durationMicroseconds"] is Int)
        #expect(decoded["userAgent"] is NSNull)
        #expect(byTarget["/v1/claims/c09?"]?["userAgent"] as? String == "probe/1.0 \"quoted\"")
        let head = before.first { $0["method"] as? String == "HEAD" }
        #expect(head?["bytes"] as? Int == 0)
        #expect(byTarget["/v1/nope"]?["status"] as? Int == 404)
        let put = before.first { $0["method"] as? String == "PUT" }
        #expect(put?["status"] as? Int == 405)
        #expect(put?["dataset"] is NSNull)

        let after = try lines(path)
        #expect(after.map { $0["target"] as? String } == ["/healthz"])
    }

    /// The binary: `--access-log PATH`, and SIGUSR1 as logrotate sends it after moving the file.
    @Test func theBinaryReopensItsLogOnSIGUSR1() throws {
        let log = try ScratchFile(named: "access.log")
        let server = try ServerProcess(["serve", "--port", "0", "--access-log", log.path])
        let port = try server.waitUntilReady()
        let client = try RawHTTPClient(port: port)
        #expect(try client.request("GET", "/v1/claims/c01").status == 200)
        waitUntil { ((try? lines(log.path))?.count ?? 0) >= 1 }
        try FileManager.default.moveItem(atPath: log.path, toPath: log.path + ".1")
        kill(server.process.processIdentifier, SIGUSR1)
        waitUntil { FileManager.default.fileExists(atPath: log.path) }
        #expect(try client.request("GET", "/v1/claims/c02").status == 200)
        kill(server.process.processIdentifier, SIGTERM)
        #expect(try server.waitForExit() == 0)
        let targets = { (path: String) in try self.lines(path).compactMap { $0["target"] as? String } }
        #expect(try targets(log.path + ".1").contains("/v1/claims/c01"))
        #expect(try targets(log.path) == ["/v1/claims/c02"])
    }

    @Test func aFullBufferDropsAndCountsLinesInsteadOfGrowing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try AccessLogWriter(.file(path), capacity: 100)
        let line = Array(String(repeating: "x", count: 39).utf8) + [UInt8(ascii: "\n")]
        for _ in 0..<1000 { writer.append(line) }
        writer.close()
        let written = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
        #expect(writer.droppedLines > 0)
        #expect(written + writer.droppedLines == 1000)
    }

    @Test func anUnwritablePathIsAClearError() {
        #expect(throws: ServerError.self) {
            _ = try AccessLogWriter(.file("/nonexistent-directory/access.log"))
        }
    }
}
