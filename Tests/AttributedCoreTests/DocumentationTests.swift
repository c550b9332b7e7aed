import Foundation
import Testing
@testable import AttributedCore

/// The docs are part of the product: the format doc's hand-written example must load, and the canonical form it
/// shows must be exactly what `attributed fmt` prints for it.
@Suite struct DocumentationTests {
    static let doc: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/dataset-format.md"), encoding: .utf8)) ?? ""
    }()

    /// The first JSON block after a heading.
    private func example(after heading: String) throws -> [UInt8] {
        let block = try #require(Self.doc.components(separatedBy: heading).dropFirst().first?
            .components(separatedBy: "```json\n").dropFirst().first?
            .components(separatedBy: "\n```").first)
        return Array(block.utf8)
    }

    @Test func theHandWrittenExampleLoadsWithoutAnOffset() throws {
        let short = try example(after: "## A dataset written by hand")
        #expect(!String(decoding: short, as: UTF8.self).contains("\"start\""))
        let dataset = try DatasetLoader.load(files: [("worked-example.json", short)])
        #expect(dataset.claims.map(\.depth) == [4, 2])
        #expect(Store(dataset).weakestAnonymityOfEveryClaim == [.unspecified, .named])
        let denial = try #require(dataset.claims.last)
        #expect(denial.span.segments.map(\.exact) == ["I have never,", "met Yolanda Pike."])
        #expect(denial.chain[1].cue?.text == "said")
    }

    @Test func theCanonicalFormShownIsWhatFmtPrintsAndServesTheSame() throws {
        let short = try example(after: "## A dataset written by hand")
        let shown = try example(after: "### The canonical form")
        let printed = try #require(try CanonicalFile.files([("worked-example.json", short)]).first)
        #expect(String(decoding: printed.canonical, as: UTF8.self) == String(decoding: shown, as: UTF8.self) + "\n")
        let explicit = try DatasetLoader.load(files: [("canonical.json", shown)])
        #expect(ServedResources.of(explicit) == ServedResources.of(try DatasetLoader.load(files: [("short.json", short)])))
    }
}

extension Store {
    fileprivate var weakestAnonymityOfEveryClaim: [Anonymity] {
        claims.map { claim in claim.chain.map { entity($0.source)!.anonymity }.max()! }
    }

    fileprivate func entity(_ id: String) -> Entity? { entities.first { $0.id == id } }
}

/// docs/indicators.md defines every field the indicators routes send.
@Suite struct IndicatorDocumentationTests {
    @Test func everyIndicatorIsDocumented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/indicators.md"), encoding: .utf8)
        for field in ["articles", "claims", "byWeakestAnonymity", "namedOrigin", "sources", "sourcesByAnonymity",
                      "unnamedSourcesWithReason", "unnamedSourcesWithoutReason", "documentSourced", "secondHand", "hedged",
                      "declinedComment", "maxDepth", "meanDepth", "corroborated"] {
            #expect(doc.contains("| `\(field)` |"), "\(field) has no row in docs/indicators.md")
        }
    }
}
