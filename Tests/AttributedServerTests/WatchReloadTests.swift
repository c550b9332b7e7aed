import AttributedCore
import Foundation
import Synchronization
import Testing

/// `serve --watch` end to end: the dataset file is rewritten 20 times, in place and renamed over, while clients keep
/// asking; not one request fails, and every answer is one of the two versions, whole.
@Suite struct WatchReloadTests {
    /// What the load saw: every status and every ETag of `/v1/claims/c01`.
    final class Observed: Sendable {
        let statuses = Locked<[Int: Int]>([:])
        let etags = Locked<Set<String>>([])
        let errors = Locked<[String]>([])
    }

    @Test func twentyReloadsUnderLoadFailNoRequest() throws {
        let file = try ScratchFile(named: "data.json")
        let seed = try Data(contentsOf: URL(fileURLWithPath: BundledResources.seedDatasetPath!))
        let edited = Data(String(decoding: seed, as: UTF8.self)
            .replacingOccurrences(of: "\"text\": \"IS is emerging in Karachi\"",
                                  with: "\"text\": \"IS is emerging in Karachi (edited)\"").utf8)
        #expect(edited != seed)
        try file.write(seed)
        let server = try ServerProcess(["serve", "--port", "0", "--data", file.path, "--watch"])
        let port = try server.waitUntilReady()
        func loaded() -> Int { server.output.components(separatedBy: "attributed: loaded").count - 1 }

        let observed = Observed()
        let stop = Atomic<Bool>(false)
        let workers = (0..<2).map { _ in
            Thread {
                do {
                    let client = try RawHTTPClient(port: port)
                    while !stop.load(ordering: .relaxed) {
                        let reply = try client.request("GET", "/v1/claims/c01")
                        observed.statuses.withLock { $0[reply.status, default: 0] += 1 }
                        if let etag = reply.header("ETag") { observed.etags.withLock { _ = $0.insert(etag) } }
                    }
                } catch {
                    observed.errors.withLock { $0.append("\(error)") }
                }
            }
        }
        workers.forEach { $0.start() }
        defer { stop.store(true, ordering: .relaxed) }

        for reload in 1...20 {
            let version = reload % 2 == 1 ? edited : seed
            if reload % 4 < 2 {
                try version.write(to: file.url)  // in place
            } else {
                let temporary = file.directory.appendingPathComponent(".data.json.\(reload)")
                try version.write(to: temporary)
                #expect(rename(temporary.path, file.path) == 0)
            }
            let deadline = Date().addingTimeInterval(10)
            while loaded() < reload + 1, Date() < deadline { usleep(10_000) }
            try #require(loaded() == reload + 1, "reload \(reload) not seen: \(server.output.suffix(600))")
        }
        usleep(100_000)
        stop.store(true, ordering: .relaxed)
        usleep(200_000)

        let statuses = observed.statuses.withLock { $0 }
        #expect(observed.errors.withLock { $0 }.isEmpty)
        #expect(statuses.keys.sorted() == [200], "\(statuses)")
        #expect((statuses[200] ?? 0) > 100)
        // Two versions, two ETags: never a third (a torn or mixed answer).
        #expect(observed.etags.withLock { $0 }.count == 2)

        // A broken file is refused and the last good version keeps serving.
        let client = try RawHTTPClient(port: port)
        let before = try client.request("GET", "/readyz").text
        try Data("{ not json".utf8).write(to: file.url)
        let deadline = Date().addingTimeInterval(10)
        while !server.output.contains("reload refused"), Date() < deadline { usleep(20_000) }
        #expect(server.output.contains("reload refused"))
        #expect(try client.request("GET", "/readyz").text == before)
        #expect(try client.request("GET", "/v1/claims/c01").status == 200)

        kill(server.process.processIdentifier, SIGTERM)
        #expect(try server.waitForExit() == 0)
    }

    @Test func watchNeedsADataPath() throws {
        let server = try ServerProcess(["serve", "--port", "0", "--watch"])
        #expect(try server.waitForExit() != 0)
        #expect(server.output.contains("--watch needs --data"))
    }
}
