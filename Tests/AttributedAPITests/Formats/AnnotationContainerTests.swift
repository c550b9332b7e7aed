@testable import AttributedCore
import Foundation
import Testing

/// `/v1/articles/{id}/annotations`: a read-only Web Annotation Protocol container of the article's claims (pyld
/// expands every page under every `Prefer` in Tests/Standards/anno_check.py).
@Suite struct AnnotationContainerTests {
    static let path = "/v1/articles/is-emerging-in-karachi/annotations"
    static let minimal = #"return=representation; include="http://www.w3.org/ns/ldp#PreferMinimalContainer""#
    static let iris = #"return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs""#

    static func get(_ target: String, prefer: String? = nil, ifNoneMatch: String? = nil) -> Response {
        var request = SeedAPI.request(target, ifNoneMatch: ifNoneMatch)
        request.prefer = prefer
        return SeedAPI.api.respond(to: request, store: SeedAPI.store)
    }

    @Test func theContainerEmbedsItsFirstPageOfFullAnnotations() throws {
        let response = Self.get(Self.path + "?limit=10")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == MediaType.annotation)
        #expect(response.sentHeaders.filter { $0.name == "Link" }.map(\.value) == [
            "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"",
            "<http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"",
        ])
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(response.header("Vary") == "Accept, Prefer, Accept-Encoding")
        #expect(response.header("Preference-Applied") == nil)
        let container = response.object
        #expect(container["id"] as? String == Self.path + "?iris=0")
        #expect(response.header("Content-Location") == Self.path + "?iris=0")
        #expect(container["type"] as? [String] == ["http://www.w3.org/ns/ldp#BasicContainer", "AnnotationCollection"])
        #expect(container["total"] as? Int == 28)
        #expect(container["last"] as? String == Self.path + "?iris=0&limit=10&page=1&cursor=YzIw")
        let first = try #require(container["first"] as? [String: Any])
        #expect(first["type"] as? String == "AnnotationPage")
        #expect(first["startIndex"] as? Int == 0)
        #expect(first["prev"] == nil)
        #expect(first["next"] as? String == Self.path + "?iris=0&limit=10&page=1&cursor=YzEw")
        let items = try #require(first["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == (1...10).map { "/v1/claims/c\($0 < 10 ? "0" : "")\($0)" })
        // An item is the claim's annotation without a context of its own.
        var standalone = SeedAPI.get("/v1/claims/c01?format=annotation").object
        standalone["@context"] = nil
        #expect(NSDictionary(dictionary: items[0]).isEqual(to: standalone))
    }

    @Test func pagesFollowTheKeysetToTheEndAndBack() throws {
        var next: String? = Self.path + "?iris=1&limit=10&page=1"
        var seen: [String] = []
        var previous: String?
        var pages = 0
        while let target = next, pages < 10 {
            let page = Self.get(target).object
            #expect(page["id"] as? String == target)
            #expect(page["startIndex"] as? Int == seen.count)
            #expect(page["prev"] as? String == previous)
            #expect((page["partOf"] as? [String: Any])?["total"] as? Int == 28)
            seen += page["items"] as? [String] ?? []
            previous = target
            next = page["next"] as? String
            pages += 1
        }
        #expect(pages == 3)
        #expect(seen == (1...28).map { "/v1/claims/c\($0 < 10 ? "0" : "")\($0)" })
        #expect(previous == Self.get(Self.path + "?iris=1&limit=10").object["last"] as? String)
    }

    @Test func preferChoosesWhatIsEmbeddedAndSaysSo() throws {
        let minimal = Self.get(Self.path, prefer: Self.minimal)
        #expect(minimal.header("Preference-Applied") == "return=representation")
        #expect(minimal.object["first"] as? String == Self.path + "?iris=0&page=1")
        #expect(minimal.examined ?? 99 <= 5)  // the search for the first page's start only: no item rendered
        let iris = Self.get(Self.path, prefer: Self.iris)
        #expect(iris.object["id"] as? String == Self.path + "?iris=1")
        #expect(((iris.object["first"] as? [String: Any])?["items"] as? [String])?.first == "/v1/claims/c01")
        let both = Self.get(Self.path, prefer: #"return=representation; include="http://www.w3.org/ns/ldp#PreferMinimalContainer http://www.w3.org/ns/oa#PreferContainedIRIs""#)
        #expect(both.object["first"] as? String == Self.path + "?iris=1&page=1")
        // Contradictory (IRIs and descriptions) is not honoured: the default, descriptions.
        let contradictory = Self.get(Self.path, prefer: #"return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs http://www.w3.org/ns/oa#PreferContainedDescriptions""#)
        #expect(contradictory.object["id"] as? String == Self.path + "?iris=0")
        #expect(contradictory.header("Preference-Applied") == nil)
        #expect(Self.get(Self.path, prefer: "respond-async, wait=10").header("Preference-Applied") == nil)
        // Each form has its own tag; a page ignores Prefer (its URL says which form it is).
        let tags = Set([Self.get(Self.path), minimal, iris, both].compactMap { $0.header("ETag") })
        #expect(tags.count == 4)
        #expect(Self.get(Self.path + "?page=1", prefer: Self.iris).bodyBytes == Self.get(Self.path + "?page=1").bodyBytes)
        let tag = try #require(iris.header("ETag"))
        #expect(Self.get(Self.path, prefer: Self.iris, ifNoneMatch: tag).status == 304)
        #expect(Self.get(Self.path, ifNoneMatch: tag).status == 200)
    }

    /// A page costs its items and a binary search in the article's list: `examined` counts both, whatever the
    /// list's length and the page's position (28 claims: at most 5 steps).
    @Test func aPageCostsItsItems() {
        for (query, items) in [("?limit=5&page=1", 5), ("?limit=5&cursor=YzIw", 5), ("?limit=5&cursor=YzI2", 2), ("?limit=3", 3)] {
            let examined = Self.get(Self.path + query).examined ?? 0
            #expect(examined >= items && examined <= items + 5, "\(query): \(examined)")
        }
    }

    /// 4,000 claims in one article: a page anywhere costs its 10 items and at most 12 search steps (log2 4000),
    /// never a walk through the claims before it.
    @Test func aPageOfALongArticleCostsItsItemsAndALogarithm() throws {
        let count = 4_000
        let body = (0..<count).map { "Statement \(String(format: "%05d", $0)) holds." }.joined(separator: " ")
        let claims = (0..<count).map { number in
            let id = String(format: "%05d", number)
            return #"{"id": "s\#(id)", "article": "long", "span": {"field": "body", "exact": "Statement \#(id) holds"}, "#
                + #""about": ["the-gazette"], "proposition": "p\#(id)", "chain": [{"source": "the-gazette"}]}"#
        }
        let json = #"{"format": "attributed-dataset/1", "articles": [{"id": "long", "headline": "Long", "publisher": "the-gazette", "#
            + #""language": "en", "body": "\#(body)"}], "entities": [{"id": "the-gazette", "kind": "publication", "name": "The Gazette"}], "#
            + #""claims": [\#(claims.joined(separator: ","))]}"#
        let store = Store(try DatasetLoader.load(files: [("long.json", Array(json.utf8))]))
        func get(_ query: String) -> Response { TestDatasets.get(store, "/v1/articles/long/annotations" + query) }
        let total = get("?limit=10&page=1").object
        #expect((total["partOf"] as? [String: Any])?["total"] as? Int == count)
        for cursor in ["", "&cursor=\(Cursor.afterId(Array("s02000".utf8)).encoded)", "&cursor=\(Cursor.afterId(Array("s03989".utf8)).encoded)"] {
            let page = get("?limit=10&page=1" + cursor)
            #expect((page.object["items"] as? [Any])?.count == 10)
            #expect(page.examined ?? 0 >= 10 && page.examined ?? 99 <= 10 + 12, "\(cursor): \(page.examined ?? -1)")
        }
        #expect(get("?limit=10&page=1&cursor=\(Cursor.afterId(Array("s03989".utf8)).encoded)").object["next"] == nil)
    }

    /// The container's label is the article's headline: another headline, another tag, in every form.
    @Test func theTagFollowsTheArticle() throws {
        let renamed = Store(try DatasetLoader.load(files: [("renamed.json", Array(LinkedDataFixture.json
            .replacingOccurrences(of: "\"Moss and the letter\"", with: "\"Moss, Pike and the letter\"").utf8))]))
        for query in ["", "?iris=1", "?page=1"] {
            let path = "/v1/articles/moss-pike/annotations" + query
            #expect(TestDatasets.get(renamed, path).header("ETag") != TestDatasets.get(LinkedDataFixture.store, path).header("ETag"), "\(query)")
        }
    }

    @Test(arguments: [
        ("?iris=2", "iris"), ("?page=2", "page"), ("?page=0", "page"), ("?cursor=!!", "cursor"), ("?limit=0", "limit"),
        ("?format=json", "format"), ("?nope=1", "nope"),
    ])
    func badParametersAre400NamingThem(query: String, parameter: String) {
        let response = Self.get(Self.path + query)
        #expect(response.status == 400)
        #expect(response.object["parameter"] as? String == parameter)
    }

    @Test func anUnknownArticleIs404AndAnEmptyPageIsStillAPage() throws {
        #expect(Self.get("/v1/articles/nope/annotations").status == 404)
        let past = Self.get(Self.path + "?cursor=enp6").object  // "zzz": after every claim
        #expect(past["items"] as? [Any] != nil && (past["items"] as? [Any])?.isEmpty == true)
        #expect(past["startIndex"] as? Int == 28)
        #expect(past["next"] == nil)
    }
}
