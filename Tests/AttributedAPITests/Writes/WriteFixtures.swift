@testable import AttributedCore
import Foundation

/// Documents the write tests send: the invented article of docs/dataset-format.md, over the seed as base.
enum WriteFixtures {
    static let seedFiles: [(name: String, bytes: [UInt8])] = {
        let path = BundledResources.seedDatasetPath!
        let data = FileManager.default.contents(atPath: path)!
        return [((path as NSString).lastPathComponent, [UInt8](data))]
    }()

    static let entities = """
        {"id": "the-gazette", "kind": "publication", "name": "The Gazette"},
        {"id": "gazette-sources", "kind": "anonymous", "descriptor": "Sources"},
        {"id": "xavier-moss", "kind": "person", "name": "Xavier Moss", "aliases": ["Moss"]},
        {"id": "yolanda-pike", "kind": "person", "name": "Yolanda Pike", "aliases": ["Pike"]}
        """

    /// The article `moss-pike` with one claim, `claimId`, whose words are `words` (which must be in the body).
    static func article(id: String = "moss-pike", claimId: String = "mp01", words: String = "Xavier Moss met Yolanda Pike in March",
                        headline: String = "Moss and the police letter", withEntities: Bool = true) -> [UInt8] {
        Array("""
        {
          "format": "attributed-dataset/1",
          "articles": [
            {"id": "\(id)", "headline": "\(headline)", "publisher": "the-gazette", "language": "en",
             "body": "Sources told The Gazette that Xavier Moss met Yolanda Pike in March. Moss said he never did."}
          ],
          "entities": [\(withEntities ? entities : "")],
          "claims": [
            {"id": "\(claimId)", "article": "\(id)", "span": {"field": "body", "exact": "\(words)"},
             "about": ["xavier-moss", "yolanda-pike"],
             "chain": [{"source": "the-gazette"}, {"source": "gazette-sources", "cue": "told", "mode": "indirect_speech"}]}
          ]
        }
        """.utf8)
    }

    static func entity(_ id: String, name: String, kind: String = "person") -> [UInt8] {
        Array("""
        {"format": "attributed-dataset/1", "entities": [{"id": "\(id)", "kind": "\(kind)", "name": "\(name)"}]}
        """.utf8)
    }

    static let writer = WriteActor(name: "desk")

    static func put(_ id: String, _ body: [UInt8], ifMatch: String? = nil, ifNoneMatch: String? = nil,
                    actor: WriteActor = writer) throws -> PendingWrite {
        PendingWrite(operation: .putArticle(id), document: try WriteDocument(body), actor: actor, ifMatch: ifMatch,
                     ifNoneMatch: ifNoneMatch)
    }
}

/// A writer over the seed, its journal in memory, recording what it publishes.
final class WriterHarness: @unchecked Sendable {
    let journal: Journal
    let published = Locked<[Store]>([])
    let writer: DatasetWriter

    init(journal: Journal = MemoryJournal()) throws {
        self.journal = journal
        let published = self.published
        writer = try DatasetWriter(base: .files(WriteFixtures.seedFiles), journal: journal) { store in
            published.withLock { $0.append(store) }
        }
    }

    @discardableResult
    func submit(_ write: PendingWrite) -> WriteResult { writer.submit(write) }
}

extension WriteResult {
    var problem: Problem? {
        if case .refused(let problem) = self { return problem }
        return nil
    }

    var isStored: Bool { problem == nil }
}
