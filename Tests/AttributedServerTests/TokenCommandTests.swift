import Foundation
import Testing

/// `attributed token create|list|revoke --tokens FILE` as an operator runs it: the secret alone on stdout, once,
/// and never in the file.
@Suite struct TokenCommandTests {
    /// Runs the binary to the end: its exit status, stdout and stderr apart, each read up to EOF.
    private func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // stderr is small (a line or two): reading stdout first cannot block the child on a full stderr pipe.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func createListRevoke() throws {
        let scratch = try ScratchFile(named: "tokens.json")
        let file = scratch.path

        let created = try run(["token", "create", "desk-a", "--scope", "write", "--publisher", "pakistan-today",
                               "--publisher", "dawn", "--tokens", file])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.wholeMatch(of: /atd_[A-Za-z0-9_-]{43}\n/) != nil, "\(created.stdout)")
        let secret = String(created.stdout.dropLast())
        #expect(!created.stderr.contains(secret.dropFirst(4)))

        let reader = try run(["token", "create", "reader", "--scope", "read", "--tokens", file])
        #expect(reader.status == 0)
        let readerSecret = String(reader.stdout.dropLast())
        #expect(readerSecret != secret)

        // The file holds the hashes and neither secret (nor any run of it long enough to matter).
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        for secret in [secret, readerSecret] {
            #expect(!stored.contains(secret.dropFirst(4).prefix(16)))
        }
        #expect(stored.contains("\"format\": \"attributed-tokens/1\""))
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        let listed = try run(["token", "list", "--tokens", file])
        #expect(listed.status == 0)
        let lines = listed.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == 2)
        #expect(lines.first?.prefix(3) == ["desk-a", "write", "pakistan-today,dawn"])
        #expect(lines.last?.prefix(3) == ["reader", "read", "*"])
        #expect(lines.allSatisfy { $0.last?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil })
        #expect(!listed.stdout.contains(secret) && !listed.stdout.contains("sha256"))
        for line in stored.split(separator: "\n") where line.contains("sha256") {
            let hash = line.split(separator: "\"")[3]
            #expect(!listed.stdout.contains(hash))
        }

        let revoked = try run(["token", "revoke", "desk-a", "--tokens", file])
        #expect(revoked.status == 0)
        #expect(revoked.stdout == "")
        let after = try run(["token", "list", "--tokens", file])
        #expect(after.stdout.split(separator: "\n").map { $0.split(separator: " ").first } == ["reader"])
    }

    @Test func errorsGoToStderrWithANonZeroExit() throws {
        let scratch = try ScratchFile(named: "tokens.json")
        let missing = try run(["token", "list", "--tokens", scratch.path])
        #expect(missing.status != 0)
        #expect(missing.stdout == "")
        #expect(missing.stderr == "attributed: error: \(scratch.path): no such file or directory\n")

        #expect(try run(["token", "create", "a", "--scope", "read", "--tokens", scratch.path]).status == 0)
        let taken = try run(["token", "create", "a", "--scope", "write", "--tokens", scratch.path])
        #expect(taken.status != 0)
        #expect(taken.stdout == "")
        #expect(taken.stderr.contains("a token named \"a\" exists already"))

        let unknown = try run(["token", "revoke", "b", "--tokens", scratch.path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr == "attributed: error: no token named \"b\"\n")

        let badScope = try run(["token", "create", "c", "--scope", "admin", "--tokens", scratch.path])
        #expect(badScope.status != 0)
        #expect(badScope.stdout == "")
        #expect(badScope.stderr.contains("admin"))

        try Data("{\"format\": 1, \"tokens\": []}".utf8).write(to: scratch.url)
        let malformed = try run(["token", "create", "d", "--scope", "read", "--tokens", scratch.path])
        #expect(malformed.status != 0)
        #expect(malformed.stderr == "attributed: error: \(scratch.path):1:12: $.format: expected a string, found a number\n")
        #expect(try String(contentsOfFile: scratch.path, encoding: .utf8) == "{\"format\": 1, \"tokens\": []}")
    }
}
