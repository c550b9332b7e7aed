@testable import AttributedCore
import Foundation
import Testing

/// Revisions: numbered per article across create, update, entity change, delete and re-create; their diffs; the
/// documents served byte for byte as recorded; 410 for a deleted article; all of it after a restart and a compaction.
@Suite struct RevisionTests {
    static let article = "moss-pike"

    /// create (mp01), update (mp01 replaced by mp02), an entity it cites renamed, delete, re-create.
    static func writeSequence(_ fixture: HistoryFixture) throws {
        try fixture.put(article, WriteFixtures.article())
        try fixture.put(article, WriteFixtures.article(claimId: "mp02", words: "Moss said he never did"))
        try fixture.putEntity("xavier-moss", WriteFixtures.entity("xavier-moss", name: "Xavier M. Moss"))
        try fixture.delete(article)
        try fixture.put(article, WriteFixtures.article(withEntities: false))
    }

    @Test func numbersActionsAndDiffsFollowTheWrites() throws {
        let fixture = try HistoryFixture()
        try Self.writeSequence(fixture)
        let revisions = fixture.history.revisions(of: Self.article)
        #expect(revisions.map(\.revision) == [1, 2, 3, 4, 5])
        #expect(revisions.map(\.action) == [.create, .update, .entity, .delete, .create])
        #expect(revisions.map(\.claims) == [
            ClaimDiff(added: ["mp01"]), ClaimDiff(added: ["mp02"], removed: ["mp01"]), ClaimDiff(changed: []),
            ClaimDiff(removed: ["mp02"]), ClaimDiff(added: ["mp01"]),
        ])
        #expect(revisions[2].entities == ["xavier-moss"])
        #expect(revisions.allSatisfy { $0.actor == "desk" })
        #expect(revisions[3].etag == nil && revisions[3].documentLength == 0)
        #expect(zip(revisions, revisions.dropFirst()).allSatisfy { $0.seq < $1.seq })

        let listed = fixture.get("/v1/articles/\(Self.article)/revisions")
        #expect(listed.status == 200)
        #expect(listed.items.map { $0["revision"] as? Int } == [5, 4, 3, 2, 1])
        #expect(listed.items[1]["document"] is NSNull)
        #expect(listed.items[0]["document"] as? String == "/v1/articles/moss-pike/revisions/5")
    }

    @Test func revisionsArePagedNewestFirstByKeyset() throws {
        let fixture = try HistoryFixture()
        try Self.writeSequence(fixture)
        var numbers: [Int] = []
        var target: String? = "/v1/articles/\(Self.article)/revisions?limit=2"
        while let next = target {
            let page = fixture.get(next)
            #expect(page.status == 200)
            numbers += page.items.compactMap { $0["revision"] as? Int }
            target = (page.object["next"] as? String).map { "/v1/articles/\(Self.article)/revisions?limit=2&cursor=\($0)" }
            #expect((page.header("Link") != nil) == (target != nil))
        }
        #expect(numbers == [5, 4, 3, 2, 1])
        let csv = String(decoding: fixture.get("/v1/articles/\(Self.article)/revisions?format=csv").bodyBytes, as: UTF8.self)
        #expect(csv.split(separator: "\r\n").count == 6)
        let ndjson = fixture.get("/v1/articles/\(Self.article)/revisions?format=ndjson&limit=2").bodyBytes
        #expect(ndjson.split(separator: 0x0A).count == 2)
    }

    @Test func aRevisionsDocumentIsTheArticleAsItWasThenByteForByte() throws {
        let fixture = try HistoryFixture()
        try fixture.put(Self.article, WriteFixtures.article())
        let first = fixture.writer.store
        let expected = ArticleDocument.bytes(of: first.articleIndex[Self.article]!, in: first)
        try fixture.putEntity("xavier-moss", WriteFixtures.entity("xavier-moss", name: "Xavier M. Moss"))

        let one = fixture.get("/v1/articles/\(Self.article)/revisions/1")
        #expect(one.status == 200)
        #expect(one.bodyBytes == expected)
        #expect(one.header("Cache-Control") == CacheControl.immutable)
        #expect(one.header("ETag") == ETag.strong(for: expected))
        // The entity change shows in the second document only; each loads alone as a dataset.
        let two = fixture.get("/v1/articles/\(Self.article)/revisions/2").bodyBytes
        #expect(String(decoding: two, as: UTF8.self).contains("Xavier M. Moss"))
        #expect(!String(decoding: one.bodyBytes, as: UTF8.self).contains("Xavier M. Moss"))
        let loaded = try DatasetLoader.load(files: [(name: "revision.json", bytes: two)])
        #expect(loaded.articles.map(\.id) == [Self.article])
        #expect(fixture.get("/v1/articles/\(Self.article)/revisions/1", ifNoneMatch: one.header("ETag")).status == 304)
    }

    @Test func aDeletedArticleIsGoneWithALinkToItsHistory() throws {
        let fixture = try HistoryFixture()
        try fixture.put(Self.article, WriteFixtures.article())
        try fixture.delete(Self.article)
        let gone = fixture.get("/v1/articles/\(Self.article)")
        #expect(gone.status == 410)
        #expect(gone.header("Link") == "</v1/articles/moss-pike/revisions>; rel=\"version-history\"")
        #expect(fixture.get("/v1/articles/\(Self.article)/revisions/2").status == 410)
        #expect(fixture.get("/v1/articles/\(Self.article)/revisions").items.count == 2)
        #expect(fixture.get("/v1/articles/never-was").status == 404)
        #expect(fixture.get("/v1/articles/never-was/revisions").status == 404)
    }

    @Test func aChainsProvenanceLinksToItsArticlesHistoryAsPROV() throws {
        let fixture = try HistoryFixture()
        try fixture.put(Self.article, WriteFixtures.article())
        for target in ["/v1/claims/mp01/provenance", "/v1/claims/mp01/provenance?format=prov"] {
            let links = fixture.get(target).sentHeaders.filter { $0.name == "Link" }.map(\.value)
            #expect(links == [#"</v1/claims/mp01/provenance>; rel="http://www.w3.org/ns/prov#has_provenance""#,
                              #"</v1/articles/moss-pike/revisions?format=prov>; rel="http://www.w3.org/ns/prov#has_provenance"; "#
                                  + #"anchor="urn:attributed:article:moss-pike""#], "\(target)")
        }
        let prov = fixture.get("/v1/articles/moss-pike/revisions?format=prov").object
        #expect((prov["entity"] as? [String: Any])?.keys.sorted() == ["article:moss-pike", "article:moss-pike/revision/1"])
        #expect((prov["wasAttributedTo"] as? [String: [String: String]])?.values.first?["prov:agent"] == "attr:actor/desk")
    }

    @Test func badRevisionNumbersAre400AndUnknownOnes404() throws {
        let fixture = try HistoryFixture()
        try fixture.put(Self.article, WriteFixtures.article())
        for bad in ["0", "01", "-1", "x", "1.0", "99999999999999999999999"] {
            #expect(fixture.get("/v1/articles/\(Self.article)/revisions/\(bad)").status == 400, "\(bad)")
        }
        #expect(fixture.get("/v1/articles/\(Self.article)/revisions/2").status == 404)
        // A base article not written yet has an empty history.
        #expect(fixture.get("/v1/articles/is-emerging-in-karachi/revisions").items.isEmpty)
    }

    @Test func historySurvivesARestartAndACompactionAndGoesOnNumbering() throws {
        let fixture = try HistoryFixture()
        try Self.writeSequence(fixture)
        let before = fixture.history.changes(after: 0, limit: 100)
        let documents = (1...5).map { fixture.get("/v1/articles/\(Self.article)/revisions/\($0)").bodyBytes }
        try fixture.reopen()
        #expect(fixture.history.changes(after: 0, limit: 100) == before)
        try fixture.compact()
        #expect(fixture.history.changes(after: 0, limit: 100) == before)
        #expect((1...5).map { fixture.get("/v1/articles/\(Self.article)/revisions/\($0)").bodyBytes } == documents)
        try fixture.put(Self.article, WriteFixtures.article(headline: "After the compaction"))
        let after = fixture.history.changes(after: 0, limit: 100)
        #expect(after.last?.revision == 6)
        #expect(after.last!.seq == before.last!.seq + 1)
        #expect(after.last!.journalSeq > before.last!.journalSeq, "journal seqs go on after the journal was emptied")
    }

    @Test func changesOnlyInTheJournalAreRecoveredWhenTheWriterOpens() throws {
        let fixture = try HistoryFixture()
        try fixture.put(Self.article, WriteFixtures.article())
        // A crash after the journal's sync and before the history's: the update is in the journal only.
        try fixture.withoutHistory { writer in
            let etag = writer.store.etags.article(writer.store.articleIndex[Self.article]!)
            _ = writer.submit(PendingWrite(operation: .putArticle(Self.article),
                                           document: try WriteDocument(WriteFixtures.article(claimId: "mp02")),
                                           actor: WriteActor(name: "night-desk"), ifMatch: etag, ifNoneMatch: nil))
        }
        let revisions = fixture.history.revisions(of: Self.article)
        #expect(revisions.map(\.revision) == [1, 2])
        #expect(revisions.map(\.actor) == ["desk", "night-desk"])
        #expect(revisions[1].claims == ClaimDiff(added: ["mp02"], removed: ["mp01"]))
        #expect(revisions[1].journalSeq == 2)
        try fixture.put(Self.article, WriteFixtures.article())
        #expect(fixture.history.revisions(of: Self.article).map(\.seq) == [1, 2, 3])
    }
}
