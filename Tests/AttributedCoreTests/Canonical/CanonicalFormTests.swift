import Foundation
import Testing
@testable import AttributedCore

/// `attributed fmt`: the canonical form serves what the dataset as written serves, is its own canonical form, and
/// is the same whichever form it starts from.
@Suite("Canonical form")
struct CanonicalFormTests {
    private func canonical(_ relative: String) throws -> [CanonicalFile] {
        try CanonicalFile.files(at: Fixtures.path(relative))
    }

    @Test(arguments: ["edge-cases", "short-form/edge-cases", "short-form/discontinuous.json", "explicit/discontinuous.json", "base.json"])
    func theCanonicalFormServesExactlyWhatTheDatasetServes(_ relative: String) throws {
        let files = try canonical(relative)
        let reloaded = try DatasetLoader.load(files: files.map { ($0.name, $0.canonical) })
        let original = ServedResources.of(try Fixtures.load(relative))
        #expect(ServedResources.of(reloaded) == original)
    }

    @Test(arguments: ["edge-cases", "short-form/edge-cases", "short-form/discontinuous.json"])
    func theCanonicalFormIsItsOwnCanonicalForm(_ relative: String) throws {
        let once = try canonical(relative)
        let twice = try CanonicalFile.files(once.map { ($0.name, $0.canonical) })
        #expect(twice.allSatisfy { $0.isCanonical })
        #expect(twice.map(\.canonical) == once.map(\.canonical))
    }

    @Test func theShortAndExplicitFormsHaveOneCanonicalForm() throws {
        #expect(try canonical("short-form/edge-cases").map(\.canonical) == canonical("edge-cases").map(\.canonical))
        #expect(try canonical("short-form/discontinuous.json").map(\.canonical) == canonical("explicit/discontinuous.json").map(\.canonical))
        #expect(try canonical("edge-cases").allSatisfy { !$0.isCanonical })  // pretty-printed, not one record per line
    }

    @Test func oneRecordPerLineWithEveryKeyInOrder() throws {
        let file = try #require(try canonical("short-form/discontinuous.json").first)
        let lines = String(decoding: file.canonical, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "{")
        #expect(lines[1] == #"  "format": "attributed-dataset/1","#)
        #expect(lines.last == "")  // ends with a newline
        let claim = try #require(lines.first { $0.hasPrefix(#"    {"id": "d4""#) })
        #expect(claim.hasPrefix(#"    {"id": "d4", "article": "plan", "span": {"field": "body", "start": 148, "end": 154, "exact": "a mess", "prefix": "#))
        #expect(claim.contains(#"{"source": "daily", "cue": null, "mode": "narration", "attributionType": "assertion", "factuality": "Uu", "recipient": null, "derivation": null}"#))
        let entity = try #require(lines.first { $0.hasPrefix(#"    {"id": "critics""#) })
        #expect(entity == #"    {"id": "critics", "kind": "anonymous", "name": null, "descriptor": "Critics", "aliases": [], "anonymity": "anonymous", "anonymityReason": null, "affiliation": null, "roles": []},"#)
        #expect(lines.filter { $0.contains(#""article": "plan""#) }.count == 4)
    }

    @Test func theSeedIsStoredInCanonicalForm() throws {
        let path = try #require(BundledResources.seedDatasetPath)
        let files = try CanonicalFile.files(at: path)
        #expect(files.count == 1)
        #expect(files.allSatisfy { $0.isCanonical })
    }

    @Test func anInvalidDatasetHasNoCanonicalForm() {
        #expect(throws: DatasetInvalid.self) { try CanonicalFile.files(at: Fixtures.path("invalid/cue-tie.json")) }
    }
}
