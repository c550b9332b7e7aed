@testable import AttributedCore
import Foundation
import Testing

/// `format=ndjson` and `format=csv` on the list routes, tested without a socket: the same items as paging through
/// the JSON list, for every filter; the CSV's columns, quoting and formula neutralisation; a page when one is asked
/// for; its ETag; and that it streams in bounded chunks from the store it started on.
@Suite struct ExportTests {
    /// Every list route, with every filter it takes (alone and combined).
    static let lists = [
        "/v1/claims", "/v1/claims?article=is-emerging-in-karachi", "/v1/claims?entity=islamic-state",
        "/v1/claims?source=pakistan-today-sources", "/v1/claims?anonymity=unspecified", "/v1/claims?mode=direct_quote",
        "/v1/claims?min_depth=3", "/v1/claims?q=karachi", "/v1/claims?q=sohrab+goth&sort=id",
        "/v1/claims?anonymity=named&mode=indirect_speech", "/v1/claims?source=nobody", "/v1/claims?article=nope",
        "/v1/articles", "/v1/entities", "/v1/entities?kind=person", "/v1/entities?q=police",
        "/v1/entities?kind=organization&q=pakistan", "/v1/articles/is-emerging-in-karachi/claims",
        "/v1/entities/islamic-state/claims", "/v1/entities/islamic-state/claims?role=subject",
        "/v1/entities/pakistan-today/claims?role=source",
    ]

    /// Every item of a JSON list, page after page (a small limit, so that the cursor is followed).
    static func pagedItems(_ target: String, store: Store = SeedAPI.store) throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var url: String? = target + (target.contains("?") ? "&" : "?") + "limit=7"
        var pages = 0
        while let next = url {
            let page = SeedAPI.get(next, store: store)
            try #require(page.status == 200, "\(next): \(page.status)")
            items += page.items
            url = page.header("Link").map { String($0.dropFirst().prefix { $0 != ">" }) }
            pages += 1
            try #require(pages < 100, "\(target): the pages never end")
        }
        return items
    }

    static func export(_ target: String, _ format: String, store: Store = SeedAPI.store) -> Response {
        SeedAPI.get(target + (target.contains("?") ? "&" : "?") + "format=\(format)", store: store)
    }

    @Test(arguments: lists)
    func ndjsonLinesAreTheItemsOfEveryPage(target: String) throws {
        let expected = try Self.pagedItems(target)
        let response = Self.export(target, "ndjson")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/x-ndjson")
        let bytes = response.bodyBytes
        #expect(bytes.isEmpty || bytes.last == UInt8(ascii: "\n"))
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == expected.count)
        let parsed = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0)) as? NSDictionary) }
        #expect(parsed == expected.map { $0 as NSDictionary }, "\(target)")
    }

    @Test(arguments: lists)
    func csvHasAHeaderAndARowPerItemInIdOrder(target: String) throws {
        let expected = try Self.pagedItems(target).map { $0["id"] as? String }
        let response = Self.export(target, "csv")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/csv; charset=utf-8; header=present")
        let rows = try CSVRows.parse(response.bodyBytes)
        let columns = target.hasPrefix("/v1/entities?") || target == "/v1/entities" ? EntityCSV.columns
            : target == "/v1/articles" ? ArticleCSV.columns : ClaimCSV.columns
        #expect(rows.first == columns)
        #expect(rows.dropFirst().map(\.first) == expected, "\(target)")
        #expect(rows.allSatisfy { $0.count == columns.count })
    }

    @Test func aClaimRowHoldsItsFlatColumns() throws {
        let rows = try CSVRows.parse(Self.export("/v1/claims", "csv").bodyBytes)
        let header = rows[0]
        let c09 = try #require(rows.first { $0.first == "c09" })
        let cell = { (name: String) in c09[header.firstIndex(of: name)!] }
        #expect(cell("article") == "is-emerging-in-karachi")
        #expect(cell("field") == "body")
        #expect(cell("index") == "")
        #expect(cell("start") == "482")
        #expect(cell("end") == "548")
        #expect(cell("segments") == "482-548")
        #expect(cell("exact") == "some militants arrived in Karachi and made a new group that was IS")
        #expect(cell("depth") == "3")
        #expect(cell("origin") == "sources-unspecified-informants")
        #expect(cell("origin_anonymity") == "unspecified")
        #expect(cell("weakest_anonymity") == "unspecified")
        #expect(cell("cues") == " | claimed | We received reports that")
        #expect(cell("modes") == "narration | direct_quote | impersonal_report")
        #expect(cell("origin_factuality") == "CT+")
    }

    @Test func aDiscontinuousSpanListsItsSegmentsAndJoinsTheirWords() throws {
        let store = TestDatasets.discontinuous
        let rows = try CSVRows.parse(Self.export("/v1/claims", "csv", store: store).bodyBytes)
        #expect(rows.count == store.claims.count + 1)
        #expect(store.claims.filter { $0.span.segments.count > 1 }.count == 3)
        for claim in store.claims {
            let row = try #require(rows.first { $0.first == claim.id })
            let cell = { (name: String) in row[rows[0].firstIndex(of: name)!] }
            #expect(cell("start") == String(claim.span.start))
            #expect(cell("end") == String(claim.span.end))
            #expect(cell("segments") == claim.span.segments.map { "\($0.start)-\($0.end)" }.joined(separator: " "))
            #expect(cell("exact") == claim.span.segments.map(\.exact).joined(separator: " … "))
        }
    }

    @Test func formulaCellsAreNeutralisedAndQuoted() throws {
        let store = TestDatasets.formulaInjection
        for (target, columns) in [("/v1/claims", ClaimCSV.columns), ("/v1/entities", EntityCSV.columns),
                                  ("/v1/articles", ArticleCSV.columns)] {
            let rows = try CSVRows.parse(Self.export(target, "csv", store: store).bodyBytes)
            #expect(rows.count > 1)
            for row in rows {
                #expect(row.count == columns.count)
                for cell in row {
                    let first = cell.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
                    #expect(!first, "\(target): \(cell.debugDescription) is not neutralised")
                }
            }
        }
        let claims = try CSVRows.parse(Self.export("/v1/claims", "csv", store: store).bodyBytes)
        let text = claims[0].firstIndex(of: "text")!
        #expect(claims.dropFirst().map { $0[text] } == ["'\tTabbed text", "'\rCarriage text", "'@at text, \"quoted\""])
        let exact = claims[0].firstIndex(of: "exact")!
        #expect(claims[3][exact] == "'-2+5 @once\nand then a second line")
        // JSON needs no such thing: NDJSON carries the text as is.
        let lines = Self.export("/v1/claims", "ndjson", store: store).bodyBytes.split(separator: UInt8(ascii: "\n"))
        let first = try #require(JSONSerialization.jsonObject(with: Data(lines[0])) as? [String: Any])
        #expect(first["text"] as? String == "\tTabbed text")
    }

    @Test func csvCellsAreQuotedPerRFC4180() {
        var out = CSVOutput()
        for cell in ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", "=1+1", "+1", "-1", "@x", "\tx", "\rx", "a=b"] {
            out.cell(cell)
        }
        out.cell(nil)
        out.cell(42)
        out.endRow()
        out.cell("second")
        out.endRow()
        #expect(String(decoding: out.bytes, as: UTF8.self) ==
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,'=1+1,'+1,'-1,'@x,'\tx,\"'\rx\",a=b,,42\r\nsecond\r\n")
    }

    /// `limit`, `cursor` or `sort=relevance` ask for a page: the export is then exactly the JSON page's items, in
    /// its order, with its `Link` to the next page (in the same format).
    @Test(arguments: ["ndjson", "csv"])
    func aPageAskedForIsThatPage(format: String) throws {
        let cursor = try #require(SeedAPI.get("/v1/claims?limit=4").object["next"] as? String)
        for target in ["/v1/claims?limit=5", "/v1/claims?cursor=\(cursor)", "/v1/claims?limit=3&cursor=\(cursor)&mode=direct_quote",
                       "/v1/articles?limit=1", "/v1/entities?kind=person&limit=2", "/v1/entities/islamic-state/claims?limit=2",
                       "/v1/articles/is-emerging-in-karachi/claims?limit=30", "/v1/claims?q=karachi&sort=relevance&limit=3",
                       "/v1/claims?q=sohrab+goth&sort=relevance", "/v1/claims?sort=relevance"] {
            let page = SeedAPI.get(target)
            let export = Self.export(target, format)
            #expect(export.status == 200, "\(target)")
            let ids: [String?]
            if format == "csv" {
                ids = try CSVRows.parse(export.bodyBytes).dropFirst().map(\.first)
            } else {
                ids = try export.bodyBytes.split(separator: UInt8(ascii: "\n")).map {
                    try #require(JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])["id"] as? String
                }
            }
            #expect(ids == page.itemIds, "\(target)")
            #expect(!ids.isEmpty)
            if let next = page.object["next"] as? String {
                let link = try #require(export.header("Link"), "\(target): no Link")
                #expect(link.contains("format=\(format)") && link.contains("cursor=\(next)>"), "\(target): \(link)")
            } else {
                #expect(export.header("Link") == nil, "\(target)")
            }
        }
        #expect(Self.export("/v1/claims?limit=501", format).status == 400)  // a page's parameters are checked as ever
        #expect(Self.export("/v1/claims?cursor=%3D", format).status == 400)
        #expect(Self.export("/v1/claims?sort=id", format).bodyBytes == Self.export("/v1/claims", format).bodyBytes)
    }

    @Test func acceptChoosesAnExportAnd406ListsAll() throws {
        #expect(SeedAPI.get("/v1/claims", accept: "text/csv").header("Content-Type") == MediaType.csv)
        #expect(SeedAPI.get("/v1/entities", accept: "application/x-ndjson").header("Content-Type") == MediaType.ndjson)
        #expect(SeedAPI.get("/v1/claims", accept: "*/*").header("Content-Type") == MediaType.json)
        #expect(SeedAPI.get("/v1/claims/c09", accept: "text/csv").status == 406)  // not a list
        let refused = SeedAPI.get("/v1/articles", accept: "text/html")
        let available = try #require(refused.object["available"] as? [[String: String]])
        #expect(available.map { $0["format"] } == ["json", "ndjson", "csv"])
    }

    @Test func anExportHasItsOwnStableETagAnd304() throws {
        let csv = Self.export("/v1/claims?article=is-emerging-in-karachi", "csv")
        let etag = try #require(csv.header("ETag"))
        #expect(Self.export("/v1/claims?article=is-emerging-in-karachi", "csv").header("ETag") == etag)
        #expect(SeedAPI.get("/v1/claims?article=is-emerging-in-karachi", accept: "text/csv").header("ETag") == etag)
        let others = [Self.export("/v1/claims?article=is-emerging-in-karachi", "ndjson"), Self.export("/v1/claims", "csv"),
                      SeedAPI.get("/v1/claims?article=is-emerging-in-karachi"),
                      Self.export("/v1/claims?article=is-emerging-in-karachi", "csv", store: TestDatasets.formulaInjection)]
        #expect(Set(others.compactMap { $0.header("ETag") } + [etag]).count == 5)
        let notModified = SeedAPI.get("/v1/claims?article=is-emerging-in-karachi&format=csv", ifNoneMatch: etag)
        #expect(notModified.status == 304)
        #expect(notModified.header("Vary") == "Accept, Accept-Encoding")
        #expect(notModified.bodyBytes.isEmpty)
    }

    @Test func itStreamsInBoundedChunksWithoutWalkingAheadOfThem() throws {
        let sentences = (0..<2_000).map { (text: "Sentence \($0) says the plan was approved by the council.", source: "ana") }
        let store = try SearchCorpus.store(sentences, people: [SearchCorpus.Person(id: "ana", name: "Ana")])
        guard case .stream(var stream) = Self.export("/v1/claims", "ndjson", store: store).body else {
            Issue.record("an export is a stream")
            return
        }
        var chunk: [UInt8] = []
        #expect(stream.next(into: &chunk, upTo: 8192))
        let rowBytes = chunk.count / stream.rows
        // One chunk: a few rows past the limit at most, and the join has looked only at the rows it wrote.
        #expect(chunk.count < 8192 + 2 * rowBytes)
        #expect(stream.rows < 8192 / rowBytes + 2)
        #expect(stream.examined == stream.rows)
        var chunks = 1
        var largest = chunk.count
        while true {
            chunk.removeAll(keepingCapacity: true)
            guard stream.next(into: &chunk, upTo: 8192) else { break }
            chunks += 1
            largest = max(largest, chunk.count)
        }
        #expect(chunk.isEmpty)
        #expect(stream.isFinished)
        #expect(stream.rows == 2_000)
        #expect(stream.examined == 2_000)
        #expect(chunks > 2_000 / (8192 / rowBytes + 2))
        #expect(largest < 8192 + 2 * rowBytes)
    }

    @Test func theStreamHoldsTheStoreItStartedOn() throws {
        weak var released: Store?
        var stream: ExportStream?
        do {
            let store = try SearchCorpus.store([(text: "The plan was approved.", source: "ana")],
                                               people: [SearchCorpus.Person(id: "ana", name: "Ana")])
            released = store
            guard case .stream(let started) = Self.export("/v1/claims", "csv", store: store).body else {
                Issue.record("an export is a stream")
                return
            }
            stream = started
        }
        // The server has swapped the store out (nothing else refers to it): the export still reads it.
        #expect(released != nil)
        let rows = try CSVRows.parse(stream!.drain())
        #expect(rows.count == 2)
        stream = nil
        #expect(released == nil)
    }
}
