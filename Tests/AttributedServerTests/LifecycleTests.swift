import AttributedCore
import Foundation
import Synchronization
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

    @Test func sigintExitsZeroAndSighupReloads() throws {
        let server = try ServerProcess(["--port", "0"])
        let port = try server.waitUntilReady()
        kill(server.process.processIdentifier, SIGHUP)
        let deadline = Date().addingTimeInterval(10)
        while !server.output.contains("SIGHUP: reloading"), Date() < deadline { usleep(20_000) }
        #expect(try RawHTTPClient(port: port).request("GET", "/readyz").status == 200)
        kill(server.process.processIdentifier, SIGINT)
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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("attributed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.json")
        try Data(#"{"format": "attributed-dataset/1", "claims": [{"id": "c1"}]}"#.utf8).write(to: file)

        let server = try ServerProcess(["serve", "--port", "0", "--data", file.path])
        #expect(try server.waitForExit() == 1)
        #expect(server.output.contains("\(file.path):1:47: $.claims[0].article: missing required field \"article\""))
        #expect(server.output.contains("is invalid; not serving it"))
        #expect(!server.output.contains("Fatal error"))

        let validate = try ServerProcess(["validate", file.path])
        #expect(try validate.waitForExit() == 1)
        #expect(validate.output.contains("\(file.path):1:47: $.claims[0].text: missing required field \"text\""))
        #expect(validate.output.hasSuffix("6 errors found\n"))
    }

    @Test func validateAcceptsTheSeed() throws {
        let validate = try ServerProcess(["validate", BundledResources.seedDatasetPath!])
        #expect(try validate.waitForExit() == 0)
        #expect(validate.output.contains("valid: 1 articles, 27 entities, 28 claims"))
    }

    @Test func missingDatasetPathIsAnError() throws {
        let server = try ServerProcess(["serve", "--port", "0", "--data", "/nonexistent/data.json"])
        #expect(try server.waitForExit() == 1)
        #expect(server.output.contains("/nonexistent/data.json: no such file or directory"))
    }
}
