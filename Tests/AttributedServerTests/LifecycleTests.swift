import AttributedCore
import AttributedServer
import Foundation
import Testing

/// The binary as an operator runs it: start, signals, exit codes, messages.
@Suite struct LifecycleTests {
    @Test func sigtermDuringTrafficExitsZero() async throws {
        let server = try ServerProcess(["serve", "--host", "127.0.0.1", "--port", "0", "--drain-timeout", "2"])
        let port = try server.waitUntilReady()
        let served = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    guard let client = try? RawHTTPClient(port: port, timeoutSeconds: 3) else { return }
                    for _ in 0..<2000 {
                        // Once the server stops, reads fail: that ends this client's traffic.
                        guard (try? client.request("GET", "/v1/claims/c09/provenance"))?.status == 200 else { return }
                        served.increment()
                    }
                }
            }
            group.addTask {
                while served.value < 200 { try await Task.sleep(for: .milliseconds(5)) }
                kill(server.process.processIdentifier, SIGTERM)
            }
            try await group.waitForAll()
        }
        #expect(try server.waitForExit() == 0)
        #expect(server.output.contains("attributed: stopped"))
        #expect(served.value >= 200)
    }

    @Test func sigintExitsZero() throws {
        let server = try ServerProcess(["--port", "0"])
        _ = try server.waitUntilReady()
        kill(server.process.processIdentifier, SIGINT)
        #expect(try server.waitForExit() == 0)
    }

    /// SIGHUP validates the data again and swaps it in whole; an invalid file is refused and the old data kept.
    @Test func sighupSwapsInANewDatasetAndRefusesAnInvalidOne() throws {
        let file = try ScratchFile(named: "data.json")
        let seed = try Data(contentsOf: URL(fileURLWithPath: BundledResources.seedDatasetPath!))
        try file.write(seed)

        let server = try ServerProcess(["serve", "--port", "0", "--data", file.path])
        let port = try server.waitUntilReady()
        let client = try RawHTTPClient(port: port)
        func version() throws -> String? {
            let object = try JSONSerialization.jsonObject(with: Data(client.request("GET", "/readyz").body)) as? [String: Any]
            return (object?["dataset"] as? [String: Any])?["version"] as? String
        }
        func reload(until marker: String, occurrences: Int) throws {
            kill(server.process.processIdentifier, SIGHUP)
            let deadline = Date().addingTimeInterval(10)
            while server.output.components(separatedBy: marker).count - 1 < occurrences, Date() < deadline { usleep(20_000) }
        }
        let original = try version()

        let edited = String(decoding: seed, as: UTF8.self).replacingOccurrences(of: "\"text\": \"IS is emerging in Karachi\"",
                                                                           with: "\"text\": \"IS is emerging in Karachi (edited)\"")
        try file.write(Data(edited.utf8))
        try reload(until: "attributed: loaded", occurrences: 2)
        // "loaded" is logged just before the new store is swapped in: on a busy machine a request can fall in between.
        var swapped = try version()
        let swapDeadline = Date().addingTimeInterval(5)
        while swapped == original, Date() < swapDeadline {
            usleep(20_000)
            swapped = try version()
        }
        #expect(swapped != nil && swapped != original)
        let claim = try client.request("GET", "/v1/claims/c01")
        #expect(claim.text.contains("(edited)"))

        try file.write(Data("{ not json".utf8))
        try reload(until: "reload refused", occurrences: 1)
        #expect(try version() == swapped)
        #expect(server.output.contains("\(file.path):1:3: invalid JSON"))
        #expect(try client.request("GET", "/v1/claims/c01").text.contains("(edited)"))

        // /metrics counts both outcomes and names the version still served.
        let metrics = Set(try client.request("GET", "/metrics").text.split(separator: "\n").map(String.init))
        #expect(metrics.contains(#"attributed_dataset_reloads_total{outcome="ok"} 1"#))
        #expect(metrics.contains(#"attributed_dataset_reloads_total{outcome="refused"} 1"#))
        #expect(metrics.contains("attributed_dataset_info{version=\"\(swapped ?? "")\"} 1"))

        kill(server.process.processIdentifier, SIGTERM)
        #expect(try server.waitForExit() == 0)
    }

    /// Started with the common soft limit of 256–1024 open files, the server raises it to what --max-connections
    /// needs (4,096 + a margin), or to the hard limit with a warning when that is lower.
    @Test func aLowSoftFileLimitIsRaisedToFitTheConnectionLimit() throws {
        let server = try ServerProcess(["serve", "--host", "127.0.0.1", "--port", "0"], openFilesSoftLimit: 256)
        _ = try server.waitUntilReady()
        let limits = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/limits", encoding: .utf8)
        let line = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max open files") })
        let numbers = line.split(separator: " ").compactMap { Int($0) }
        let (soft, hard) = (try #require(numbers.first), numbers.count > 1 ? numbers[1] : Int.max)  // "unlimited"
        #expect(soft == min(4096 + FileDescriptorBudget.margin, hard))
        #expect(server.output.contains("warning: the process may open only") == (hard < 4096 + FileDescriptorBudget.margin))
        kill(server.process.processIdentifier, SIGTERM)
        #expect(try server.waitForExit() == 0)
    }

    @Test func portInUseIsAOneLineErrorAndNonZeroExit() throws {
        let first = try ServerProcess(["serve", "--port", "0"])
        let port = try first.waitUntilReady()
        let second = try ServerProcess(["serve", "--port", String(port)])
        #expect(try second.waitForExit() != 0)
        let lines = second.output.split(separator: "\n")
        #expect(lines == ["attributed: error: cannot listen on 127.0.0.1:\(port): Address already in use"])
        kill(first.process.processIdentifier, SIGTERM)
        #expect(try first.waitForExit() == 0)
    }

    @Test func invalidDatasetIsRefusedWithTheReport() throws {
        let file = try ScratchFile(named: "broken.json")
        try file.write(Data(#"{"format": "attributed-dataset/1", "claims": [{"id": "c1"}]}"#.utf8))

        let server = try ServerProcess(["serve", "--port", "0", "--data", file.path])
        #expect(try server.waitForExit() == 1)
        #expect(server.output.contains("\(file.path):1:47: $.claims[0].article: missing required field \"article\""))
        #expect(server.output.contains("is invalid; not serving it"))
        #expect(!server.output.contains("Fatal error"))

        let validate = try ServerProcess(["validate", file.path])
        #expect(try validate.waitForExit() == 1)
        #expect(validate.output.contains("\(file.path):1:47: $.claims[0].span: missing required field \"span\""))
        #expect(validate.output.hasSuffix("3 errors found\n"))  // article, span, chain: the rest have defaults
    }

    @Test func validateAcceptsTheSeed() throws {
        let validate = try ServerProcess(["validate", BundledResources.seedDatasetPath!])
        #expect(try validate.waitForExit() == 0)
        #expect(validate.output.contains("valid: 1 article, 27 entities, 28 claims"))
    }

    @Test func missingDatasetPathIsAnError() throws {
        let server = try ServerProcess(["serve", "--port", "0", "--data", "/nonexistent/data.json"])
        #expect(try server.waitForExit() == 1)
        #expect(server.output.contains("/nonexistent/data.json: no such file or directory"))
    }
}

/// A file in a fresh temporary directory, removed with its directory when the test lets go of it.
final class ScratchFile {
    let directory: URL
    let url: URL
    var path: String { url.path }

    init(named name: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("attributed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent(name)
    }

    func write(_ data: Data) throws { try data.write(to: url) }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
