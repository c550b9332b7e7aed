import AttributedCore
import Foundation
import Testing

/// The docs are part of the product: their worked example must stay a valid dataset.
@Suite struct DocumentationTests {
    @Test func workedExampleInTheFormatDocLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/dataset-format.md"), encoding: .utf8)
        let example = try #require(doc.components(separatedBy: "## Worked example").last?
            .components(separatedBy: "```json\n").dropFirst().first?
            .components(separatedBy: "\n```").first)
        let dataset = try DatasetLoader.load(files: [("worked-example.json", Array(example.utf8))])
        #expect(dataset.claims.map(\.depth) == [4, 2])
        #expect(Store(dataset).weakestAnonymityOfEveryClaim == [.unspecified, .named])
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
