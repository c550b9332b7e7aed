import Foundation
import Testing

/// `attributed fmt PATH [--write] [--check]` as a newsroom's data repository runs it.
@Suite struct FormatCommandTests {
    static let entities = #"""
        {"format": "attributed-dataset/1", "articles": [{"id": "a", "headline": "Plan", "publisher": "daily", "body": "“The plan,” Ana said, “will work.”"}],
         "entities": [{"id": "daily", "kind": "publication", "name": "The Daily"}, {"id": "ana", "kind": "person", "name": "Ana"}]}
        """#
    static let claims = #"""
        {"format": "attributed-dataset/1", "claims": [
          {"id": "c1", "article": "a", "span": {"field": "body", "segments": [{"exact": "The plan,"}, {"exact": "will work."}]},
           "chain": [{"source": "daily"}, {"source": "ana", "cue": "said", "mode": "direct_quote"}]}]}
        """#

    /// A directory holding the two files above.
    private func dataset() throws -> (ScratchFile, first: String, second: String) {
        let scratch = try ScratchFile(named: "1-entities.json")
        try scratch.write(Data(Self.entities.utf8))
        let second = scratch.directory.appendingPathComponent("2-claims.json")
        try Data(Self.claims.utf8).write(to: second)
        return (scratch, scratch.path, second.path)
    }

    /// Runs the binary to the end: its exit status and everything it wrote (stdout and stderr), read up to EOF.
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func checkNamesTheFilesThatAreNotCanonicalAndWriteRewritesThem() throws {
        let (scratch, first, second) = try dataset()
        let directory = scratch.directory.path
        let check = try run(["fmt", "--check", directory])
        #expect(check.status == 1)
        #expect(check.output == "\(first): not in canonical form (attributed fmt --write rewrites it)\n"
            + "\(second): not in canonical form (attributed fmt --write rewrites it)\n")

        let write = try run(["fmt", "--write", directory])
        #expect(write.status == 0)
        #expect(write.output == "attributed: rewrote \(first)\nattributed: rewrote \(second)\n")
        let rewritten = try String(contentsOfFile: second, encoding: .utf8)
        #expect(rewritten.contains(#""segments": [{"start": 1, "end": 10, "exact": "The plan,", "prefix": "“", "suffix": "#))
        #expect(rewritten.contains(#""cue": {"text": "said", "start": 16, "end": 20}, "mode": "direct_quote""#))
        #expect(try run(["fmt", "--check", directory]) == (0, ""))

        // Only the file taken back to its short form is named.
        try Data(Self.claims.utf8).write(to: URL(fileURLWithPath: second))
        #expect(try run(["fmt", "--check", directory]) == (1, "\(second): not in canonical form (attributed fmt --write rewrites it)\n"))
        #expect(try run(["fmt", "--write", directory]) == (0, "attributed: rewrote \(second)\n"))
        #expect(try String(contentsOfFile: second, encoding: .utf8) == rewritten)
    }

    @Test func withoutFlagsTheCanonicalFormIsPrintedAndNothingChanges() throws {
        let (scratch, first, second) = try dataset()
        let printed = try run(["fmt", scratch.directory.path])
        #expect(printed.status == 0)
        #expect(printed.output.hasPrefix("==> \(first) <==\n{\n  \"format\": \"attributed-dataset/1\",\n  \"notes\": null,\n"))
        #expect(printed.output.contains("\n==> \(second) <==\n"))
        #expect(try String(contentsOfFile: second, encoding: .utf8) == Self.claims)
        // One file: just its canonical form, which is already canonical.
        let single = try run(["fmt", first])
        try Data(single.output.utf8).write(to: URL(fileURLWithPath: first))
        #expect(try run(["fmt", "--check", first]) == (0, ""))
    }

    @Test func anInvalidDatasetIsReportedNotFormatted() throws {
        let scratch = try ScratchFile(named: "bad.json")
        try scratch.write(Data(Self.entities.replacingOccurrences(of: "\"publisher\": \"daily\", ", with: "").utf8))
        let result = try run(["fmt", "--write", scratch.path])
        #expect(result.status == 1)
        #expect(result.output.contains("\(scratch.path):1:49: $.articles[0].publisher: missing required field \"publisher\""))
        #expect(try String(contentsOfFile: scratch.path, encoding: .utf8).contains("\"headline\": \"Plan\", \"body\""))
    }

    @Test func writeAndCheckTogetherAreRefused() throws {
        let result = try run(["fmt", "--write", "--check", "x.json"])
        #expect(result.status != 0)
        #expect(result.output.contains("--write and --check exclude each other"))
    }
}
