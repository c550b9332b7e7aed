@testable import AttributedCore
import Foundation
import Testing

/// The loader decodes claims record by record on every core. Whatever path a load takes (parallel chunks, a
/// syntax error that sends it back to parsing whole files, repeats across chunks), it must report exactly what
/// the whole-file check reports.
@Suite struct ParallelLoadTests {
    static let people = [SearchCorpus.Person(id: "nunez", name: "María Núñez")]
    static let sentences = (0..<400).map { (text: "Report \($0) says the plan was approved.", source: "nunez") }
    static let valid = SearchCorpus.json(sentences, people: people)

    func issues(_ json: String) -> [String] {
        do {
            _ = try DatasetLoader.load(files: [("big.json", Array(json.utf8))])
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    /// Line and column of the first occurrence of `needle` (1-based; columns in scalars).
    func location(of needle: String, in json: String, occurrence: Int = 1) -> String {
        var searchFrom = json.startIndex
        var found = json.startIndex
        for _ in 0..<occurrence {
            found = json.range(of: needle, range: searchFrom..<json.endIndex)!.lowerBound
            searchFrom = json.index(after: found)
        }
        let before = json[..<found]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.split(separator: "\n", omittingEmptySubsequences: false).last!.unicodeScalars.count + 1
        return "\(line):\(column)"
    }

    @Test func aLargeValidDatasetLoadsInIdOrder() throws {
        let dataset = try DatasetLoader.load(files: [("big.json", Array(Self.valid.utf8))])
        #expect(dataset.claims.count == 400)
        #expect(dataset.claims.map(\.id) == (0..<400).map { String(format: "c%04d", $0) })
    }

    @Test func aSyntaxErrorInALateClaimIsReportedAsForTheWholeFile() throws {
        let broken = Self.valid.replacingOccurrences(of: #""id":"c0350""#, with: #""id" "c0350""#)
        var parser = JSONParser(bytes: Array(broken.utf8))
        var expected: JSONParser.SyntaxError?
        do { _ = try parser.parseDocument() } catch { expected = error }
        let error = try #require(expected)
        let lines = issues(broken)
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix("invalid JSON: \(error.message)") == true, "\(lines)")
        #expect(lines.first?.hasPrefix("big.json:1:") == true)
    }

    @Test func aRepeatedIdAcrossChunksIsReportedWhereItStands() {
        let repeated = Self.valid.replacingOccurrences(of: #""id":"c0390""#, with: #""id":"c0010""#)
        let first = location(of: #""c0010""#, in: repeated)
        let second = location(of: #""c0010""#, in: repeated, occurrence: 2)
        #expect(issues(repeated) == ["big.json:\(second): $.claims[390].id: duplicate claim id \"c0010\" (first defined at big.json:\(first))"])
    }

    @Test func errorsFromEveryChunkAreReportedInOrder() {
        var broken = Self.valid.replacingOccurrences(of: #""proposition":"p5""#, with: #""proposition":5"#)
        broken = broken.replacingOccurrences(of: #""proposition":"p395""#, with: #""proposition":"p395","colour":"red""#)
        let lines = issues(broken)
        #expect(lines.count == 2)
        #expect(lines.first?.contains("$.claims[5].proposition: expected a string, found a number") == true, "\(lines)")
        #expect(lines.last?.contains("$.claims[395].colour: unknown field \"colour\"") == true, "\(lines)")
    }
}
