@testable import AttributedCore
import Foundation
import Testing

@Suite struct DatasetWriterTests {
    @Test func createdArticleIsVisibleInTheStoreItPublishes() throws {
        let harness = try WriterHarness()
        let before = harness.writer.store
        let result = harness.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article()))
        guard case .stored(let store, let entry, let created) = result else { Issue.record("refused: \(result)"); return }
        #expect(created)
        #expect(store.articleIndex["moss-pike"] != nil)
        #expect(store.counts.claims == before.counts.claims + 1)
        #expect(store.counts.entities == before.counts.entities + 4)
        #expect(store.version != before.version)
        #expect(harness.published.withLock { $0.count } == 1)
        #expect(entry.seq == 1 && entry.actor == "desk" && entry.action == .putArticle && entry.articles == ["moss-pike"])
        // What is journalled is the canonical form: offsets written out.
        let canonical = String(decoding: entry.document, as: UTF8.self)
        #expect(canonical.contains("\"start\": 30, \"end\": 67"))
    }

    @Test func replacingNeedsIfMatchAndAMatchingOne() throws {
        let harness = try WriterHarness()
        guard case .stored(let store, _, _) = harness.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article())) else {
            Issue.record("create refused"); return
        }
        let etag = store.etags.article(store.articleIndex["moss-pike"]!)
        let replacement = WriteFixtures.article(claimId: "mp02", words: "Moss said he never did", withEntities: false)
        #expect(harness.submit(try WriteFixtures.put("moss-pike", replacement)).problem?.status == 428)
        #expect(harness.submit(try WriteFixtures.put("moss-pike", replacement, ifMatch: "\"0000000000000000\"")).problem?.status == 412)
        #expect(harness.submit(try WriteFixtures.put("moss-pike", replacement, ifMatch: "W/\(etag)")).problem?.status == 412)
        #expect(harness.submit(try WriteFixtures.put("moss-pike", replacement, ifNoneMatch: "*")).problem?.status == 412)
        #expect(harness.submit(try WriteFixtures.put("moss-pike", replacement, ifMatch: "W/\(ETag.gzipped(etag))")).problem?.status == 412)
        guard case .stored(let replaced, _, let created) = harness.submit(try WriteFixtures.put("moss-pike", replacement, ifMatch: etag))
        else { Issue.record("replace refused"); return }
        #expect(!created)
        // The article's claims are replaced whole: mp01 is gone, mp02 is there.
        #expect(replaced.filters.claimIndex.ordinal(of: "mp01", in: replaced.claims) == nil)
        #expect(replaced.filters.claimIndex.ordinal(of: "mp02", in: replaced.claims) != nil)
        #expect(replaced.counts.claims == store.counts.claims)
    }

    /// What a browser holds: it always accepts gzip, so the ETag it read is the gzip coding's.
    @Test func ifMatchTakesTheTagOfTheGzipCodingToo() throws {
        let harness = try WriterHarness()
        guard case .stored(let store, _, _) = harness.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article())) else {
            Issue.record("create refused"); return
        }
        let gzipped = ETag.gzipped(store.etags.article(store.articleIndex["moss-pike"]!))
        let replacement = WriteFixtures.article(claimId: "mp02", words: "Moss said he never did", withEntities: false)
        guard case .stored = harness.submit(try WriteFixtures.put("moss-pike", replacement, ifMatch: gzipped)) else {
            Issue.record("replace with the gzip tag refused"); return
        }
        #expect(harness.submit(try WriteFixtures.put("moss-pike", replacement, ifMatch: gzipped)).problem?.status == 412)
    }

    /// Two editors load the article; one corrects a claim's words only (same ids, same article fields). The other's
    /// copy is stale now: its If-Match must fail, or the correction would be lost to it.
    @Test func aChangeToOneClaimAloneMakesEveryEarlierArticleTagStale() throws {
        let harness = try WriterHarness()
        guard case .stored(let store, _, _) = harness.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article())) else {
            Issue.record("create refused"); return
        }
        let loaded = store.etags.article(store.articleIndex["moss-pike"]!)
        let corrected = WriteFixtures.article(words: "Xavier Moss met Yolanda Pike", withEntities: false)
        guard case .stored(let after, _, _) = harness.submit(try WriteFixtures.put("moss-pike", corrected, ifMatch: loaded)) else {
            Issue.record("correction refused"); return
        }
        #expect(after.etags.article(after.articleIndex["moss-pike"]!) != loaded)
        let stale = WriteFixtures.article(headline: "Moss and the letter", withEntities: false)
        #expect(harness.submit(try WriteFixtures.put("moss-pike", stale, ifMatch: loaded)).problem?.status == 412)
    }

    @Test func invalidDocumentIsRefusedWithEveryIssueLocatedInTheBody() throws {
        let harness = try WriterHarness()
        let body = WriteFixtures.article(words: "words that are not in the body")
        let problem = try #require(harness.submit(try WriteFixtures.put("moss-pike", body)).problem)
        #expect(problem.status == 422)
        let issue = try #require(problem.errors?.first)
        #expect(issue.file == "request body")
        #expect(issue.path?.hasPrefix("$.claims[0].span") == true)
        #expect(issue.line == 12)  // the claim's line in the body as sent
        #expect(harness.published.withLock { $0.isEmpty })
        #expect(try harness.journal.replay().entries.isEmpty)
    }

    @Test func missingEntityMustExist() throws {
        let harness = try WriterHarness()
        let problem = harness.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article(withEntities: false))).problem
        #expect(problem?.status == 422)
        #expect(problem?.errors?.contains { $0.message.contains("the-gazette") } == true)
    }

    @Test func shapeOfTheDocumentMustMatchTheRoute() throws {
        let harness = try WriterHarness()
        #expect(harness.submit(try WriteFixtures.put("other-id", WriteFixtures.article())).problem?.status == 422)
        #expect(throws: Problem.self) { try WriteDocument(Array("{\"format\": ".utf8)) }
    }

    @Test func deleteRemovesTheArticleAndItsClaimsButKeepsEntities() throws {
        let harness = try WriterHarness()
        guard case .stored(let store, _, _) = harness.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article())) else {
            Issue.record("create refused"); return
        }
        let etag = store.etags.article(store.articleIndex["moss-pike"]!)
        let delete = PendingWrite(operation: .deleteArticle("moss-pike"), document: nil, actor: WriteFixtures.writer,
                                  ifMatch: etag, ifNoneMatch: nil)
        let withoutPrecondition = PendingWrite(operation: .deleteArticle("moss-pike"), document: nil, actor: WriteFixtures.writer,
                                               ifMatch: nil, ifNoneMatch: nil)
        #expect(harness.submit(withoutPrecondition).problem?.status == 428)
        guard case .stored(let after, let entry, _) = harness.submit(delete) else { Issue.record("delete refused"); return }
        #expect(entry.document.isEmpty && entry.action == .deleteArticle)
        #expect(after.articleIndex["moss-pike"] == nil)
        #expect(after.entityIndex["xavier-moss"] != nil)
        #expect(after.counts.claims == store.counts.claims - 1)
        #expect(harness.submit(delete).problem?.status == 404)
    }

    @Test func entityChangeThatBreaksAnotherArticleIsRefused() throws {
        let harness = try WriterHarness()
        // The seed's publisher must stay a publication: its claims' chains start with it.
        let store = harness.writer.store
        let publisher = store.articles[0].publisher
        let etag = store.etags.entity(store.entityIndex[publisher]!)
        let write = PendingWrite(operation: .putEntity(publisher),
                                 document: try WriteDocument(WriteFixtures.entity(publisher, name: "Someone", kind: "person")),
                                 actor: WriteFixtures.writer, ifMatch: etag, ifNoneMatch: nil)
        let problem = try #require(harness.submit(write).problem)
        #expect(problem.status == 422)
        #expect(problem.errors?.contains { $0.file != "request body" } == true)
    }

    @Test func entityRenameIsServedInEveryClaimThatCitesIt() throws {
        let harness = try WriterHarness()
        let store = harness.writer.store
        let source = try #require(store.entities.first { $0.kind == .person && $0.name != nil })
        let etag = store.etags.entity(store.entityIndex[source.id]!)
        let write = PendingWrite(operation: .putEntity(source.id),
                                 document: try WriteDocument(WriteFixtures.entity(source.id, name: "Renamed Person")),
                                 actor: WriteFixtures.writer, ifMatch: etag, ifNoneMatch: nil)
        guard case .stored(let after, _, let created) = harness.submit(write) else { Issue.record("refused"); return }
        #expect(!created)
        #expect(after.entities[after.entityIndex[source.id]!].name == "Renamed Person")
    }

    @Test func publisherBoundTokenWritesOnlyItsPublishers() throws {
        let harness = try WriterHarness()
        let other = WriteActor(name: "other-desk", publishers: ["someone-else"])
        #expect(harness.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article(), actor: other)).problem?.status == 403)
        let gazette = WriteActor(name: "gazette-desk", publishers: ["the-gazette"])
        #expect(harness.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article(), actor: gazette)).isStored)
        let entity = PendingWrite(operation: .putEntity("new-one"), document: try WriteDocument(WriteFixtures.entity("new-one", name: "N")),
                                  actor: gazette, ifMatch: nil, ifNoneMatch: nil)
        #expect(harness.submit(entity).problem?.status == 403)
    }

    @Test func concurrentReplacementsWithOneIfMatchHaveExactlyOneWinner() async throws {
        let harness = try WriterHarness()
        guard case .stored(let store, _, _) = harness.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article())) else {
            Issue.record("create refused"); return
        }
        let etag = store.etags.article(store.articleIndex["moss-pike"]!)
        let writes = try (0..<8).map { index in
            try WriteFixtures.put("moss-pike", WriteFixtures.article(headline: "Version \(index)", withEntities: false), ifMatch: etag)
        }
        let statuses = await withTaskGroup(of: Int.self) { group in
            for write in writes { group.addTask { harness.submit(write).problem?.status ?? 200 } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 412 }.count == 7)
    }

    @Test func concurrentWritersOfDifferentArticlesShareCommits() async throws {
        let harness = try WriterHarness()
        let writes = try (0..<12).map { index in
            try WriteFixtures.put("a\(index)", WriteFixtures.article(id: "a\(index)", claimId: "ac\(index)", withEntities: index == 0))
        }
        // The first brings the entities; the rest need them, so they follow it.
        #expect(harness.submit(writes[0]).isStored)
        let stored = await withTaskGroup(of: Bool.self) { group in
            for write in writes.dropFirst() { group.addTask { harness.submit(write).isStored } }
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(stored == 11)
        let entries = try harness.journal.replay().entries
        #expect(entries.map(\.seq) == Array(1...12))
        #expect(harness.writer.store.counts.articles == 13)
        // Commits ≤ writes: every commit published once.
        #expect(harness.published.withLock { $0.count } <= 12)
    }

    @Test func reopeningReplaysTheJournalToTheSameVersion() throws {
        let journal = MemoryJournal()
        let harness = try WriterHarness(journal: journal)
        _ = harness.submit(try WriteFixtures.put("moss-pike", WriteFixtures.article()))
        let entity = PendingWrite(operation: .putEntity("new-one"), document: try WriteDocument(WriteFixtures.entity("new-one", name: "N")),
                                  actor: WriteFixtures.writer, ifMatch: nil, ifNoneMatch: nil)
        _ = harness.submit(entity)
        let reopened = try WriterHarness(journal: journal)
        #expect(reopened.writer.store.version == harness.writer.store.version)
        #expect(reopened.writer.store.counts == harness.writer.store.counts)
        #expect(reopened.writer.journalEntries == 2)
    }

    @Test func importCreatesSeveralArticlesAllOrNothing() throws {
        let harness = try WriterHarness()
        var text = String(decoding: WriteFixtures.article(), as: UTF8.self)
        let write = PendingWrite(operation: .importArticles, document: try WriteDocument(Array(text.utf8)),
                                 actor: WriteFixtures.writer, ifMatch: nil, ifNoneMatch: nil)
        #expect(harness.submit(write).isStored)
        #expect(harness.submit(write).problem?.status == 409)
        text = text.replacingOccurrences(of: "moss-pike", with: "second").replacingOccurrences(of: "Xavier Moss met", with: "Nobody met")
        let broken = PendingWrite(operation: .importArticles, document: try WriteDocument(Array(text.utf8)),
                                  actor: WriteFixtures.writer, ifMatch: nil, ifNoneMatch: nil)
        #expect(harness.submit(broken).problem?.status == 422)
        #expect(harness.writer.store.articleIndex["second"] == nil)
    }
}
