import Foundation
import Testing
@testable import AttributedCore

/// The tokens file: what `attributed token` writes, what the server reads, and the errors of a hand-edited one.
@Suite("Tokens file")
struct TokenFileTests {
    static let now = Date(timeIntervalSince1970: 1_796_637_600)  // 2026-12-07T10:00:00Z

    /// A fresh directory, removed when the test ends.
    final class Scratch {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("attributed-tokens-\(UUID().uuidString)").path
        var file: String { directory + "/tokens.json" }
        init() throws { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: directory) }
    }

    @Test func createStoresOnlyTheHashOfTheSecretItReturns() throws {
        var file = TokenFile()
        let secret = try file.create(name: "desk-a", scope: .write, publishers: ["pakistan-today"], now: Self.now)
        #expect(file.tokens == [TokenRecord(name: "desk-a", scope: .write, publishers: ["pakistan-today"],
                                            sha256: SHA256Digest.hash(secret), created: "2026-12-07T10:00:00Z")])
        #expect(!String(decoding: file.encoded(), as: UTF8.self).contains(secret.dropFirst(4)))
    }

    @Test func aFileRoundTripsThroughDiskPrettyPrintedWithSortedKeysAndMode0600() throws {
        let scratch = try Scratch()
        var file = TokenFile()
        let secret = try file.create(name: "desk-a", scope: .write, publishers: ["pakistan-today", "dawn"], now: Self.now)
        _ = try file.create(name: "reader", scope: .read, publishers: nil, now: Self.now)
        // An older file, readable by all, is replaced by one readable by its owner only.
        _ = FileManager.default.createFile(atPath: scratch.file, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
        try file.write(path: scratch.file)

        let read = try TokenFile.read(path: scratch.file)
        #expect(read.tokens == file.tokens)
        let text = try String(contentsOfFile: scratch.file, encoding: .utf8)
        #expect(text == """
            {
              "format": "attributed-tokens/1",
              "tokens": [
                {
                  "created": "2026-12-07T10:00:00Z",
                  "name": "desk-a",
                  "publishers": ["pakistan-today", "dawn"],
                  "scope": "write",
                  "sha256": "\(SHA256Digest.hex(SHA256Digest.hash(secret)))"
                },
                {
                  "created": "2026-12-07T10:00:00Z",
                  "name": "reader",
                  "scope": "read",
                  "sha256": "\(SHA256Digest.hex(file.tokens[1].sha256))"
                }
              ]
            }

            """)
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory) == ["tokens.json"])
    }

    @Test func revokeRemovesTheTokenAndAnUnknownNameIsAnError() throws {
        let scratch = try Scratch()
        var file = TokenFile()
        _ = try file.create(name: "a", scope: .read, publishers: nil, now: Self.now)
        _ = try file.create(name: "b", scope: .write, publishers: nil, now: Self.now)
        try file.revoke(name: "a")
        #expect(file.tokens.map(\.name) == ["b"])
        #expect(throws: TokenFileError.self) { try file.revoke(name: "a") }
        try file.revoke(name: "b")
        try file.write(path: scratch.file)
        #expect(try TokenFile.read(path: scratch.file).tokens.isEmpty)
    }

    @Test func createRefusesTakenAndMalformedNamesAndBadPublisherLists() throws {
        var file = TokenFile()
        _ = try file.create(name: "desk.A_1-b", scope: .write, publishers: nil, now: Self.now)
        #expect(try message { _ = try file.create(name: "desk.A_1-b", scope: .read, publishers: nil, now: Self.now) }
            == "a token named \"desk.A_1-b\" exists already (revoke it first to replace it)")
        for name in ["", "with space", "ümlaut", "a/b", String(repeating: "x", count: 65)] {
            #expect(throws: TokenFileError.self, "\(name)") { _ = try file.create(name: name, scope: .read, publishers: nil, now: Self.now) }
        }
        _ = try file.create(name: String(repeating: "x", count: 64), scope: .read, publishers: nil, now: Self.now)
        #expect(throws: TokenFileError.self) { _ = try file.create(name: "r", scope: .read, publishers: ["p"], now: Self.now) }
        #expect(throws: TokenFileError.self) { _ = try file.create(name: "w", scope: .write, publishers: [], now: Self.now) }
        #expect(throws: TokenFileError.self) { _ = try file.create(name: "w", scope: .write, publishers: ["a b"], now: Self.now) }
        #expect(file.tokens.count == 2)
    }

    @Test func aMissingFileIsAnErrorToReadButEmptyToCreateIn() throws {
        let scratch = try Scratch()
        #expect(try message { _ = try TokenFile.read(path: scratch.file) } == "\(scratch.file): no such file or directory")
        #expect(try TokenFile.readOrEmpty(path: scratch.file).tokens.isEmpty)
    }

    static let hash = String(repeating: "ab", count: 32)
    static let malformed: [(String, String)] = [
        ("{", "1:2: expected a string key"),
        ("[]", "1:1: $: expected an object, found an array"),
        (#"{"tokens": []}"#, #"1:1: $: missing required key "format""#),
        (#"{"format": "attributed-tokens/2", "tokens": []}"#, #"1:12: $.format: expected "attributed-tokens/1", found "attributed-tokens/2""#),
        (#"{"format": "attributed-tokens/1", "tokens": {}}"#, "1:45: $.tokens: expected an array, found an object"),
        (#"{"format": "attributed-tokens/1", "tokens": [], "extra": 1}"#, #"1:49: $: unknown key "extra""#),
        (#"{"format": "attributed-tokens/1", "format": "attributed-tokens/1", "tokens": []}"#, #"1:35: duplicate key "format""#),
        (#"{"format": "attributed-tokens/1", "tokens": [{"name": "a", "scope": "admin", "sha256": "\#(hash)", "created": ""}]}"#,
         #"$.tokens[0].scope: expected "read" or "write", found "admin""#),
        (#"{"format": "attributed-tokens/1", "tokens": [{"name": "a", "scope": "read", "sha256": "abc", "created": ""}]}"#,
         "$.tokens[0].sha256: expected 64 hex digits"),
        (#"{"format": "attributed-tokens/1", "tokens": [{"name": "a", "scope": "read", "created": ""}]}"#,
         #"$.tokens[0]: missing required key "sha256""#),
        (#"{"format": "attributed-tokens/1", "tokens": [{"name": "a b", "scope": "read", "sha256": "\#(hash)", "created": ""}]}"#,
         "$.tokens[0].name: a token name is made of"),
        (#"{"format": "attributed-tokens/1", "tokens": [{"name": "a", "scope": "write", "publisher": ["x"], "sha256": "\#(hash)", "created": ""}]}"#,
         #"$.tokens[0]: unknown key "publisher""#),
        (#"{"format": "attributed-tokens/1", "tokens": [{"name": "a", "scope": "write", "publishers": "x", "sha256": "\#(hash)", "created": ""}]}"#,
         "$.tokens[0].publishers: expected an array of publisher ids or null, found a string"),
        (#"{"format": "attributed-tokens/1", "tokens": [{"name": "a", "scope": "write", "publishers": [1], "sha256": "\#(hash)", "created": ""}]}"#,
         "$.tokens[0].publishers[0]: expected a string, found a number"),
        (#"{"format": "attributed-tokens/1", "tokens": [{"name": "a", "scope": "read", "sha256": "\#(hash)", "created": ""},\#n{"name": "a", "scope": "read", "sha256": "\#(hash)", "created": ""}]}"#,
         #"2:1: $.tokens[1].name: a second token named "a""#),
    ]

    @Test(arguments: malformed)
    func aMalformedFileIsAnErrorNamingTheFilePositionAndProblem(_ text: String, _ expected: String) throws {
        let scratch = try Scratch()
        try Data(text.utf8).write(to: URL(fileURLWithPath: scratch.file))
        let description = try message { _ = try TokenFile.read(path: scratch.file) }
        #expect(description.hasPrefix("\(scratch.file):"))
        #expect(description.contains(expected), "\(description)")
        #expect(try message { _ = try TokenFile.readOrEmpty(path: scratch.file) } == description)
    }

    @Test func publishersNullOrLeftOutMeanAnyPublisher() throws {
        let scratch = try Scratch()
        let text = #"{"format": "attributed-tokens/1", "tokens": [{"name": "a", "scope": "write", "publishers": null, "sha256": "\#(Self.hash)", "created": ""}]}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: scratch.file))
        #expect(try TokenFile.read(path: scratch.file).tokens.first?.publishers == nil)
    }

    /// The error `body` throws, as a message.
    private func message(_ body: () throws -> Void) throws -> String {
        do {
            try body()
        } catch let error as TokenFileError {
            return error.description
        }
        Issue.record("no error thrown")
        return ""
    }
}
