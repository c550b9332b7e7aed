@testable import AttributedCore
import Foundation
import Testing

@Suite struct ListTests {
    @Test func defaultPageHasEverySeedClaimInIdOrder() {
        let response = SeedAPI.get("/v1/claims")
        #expect(response.status == 200)
        #expect(response.itemIds == (1...28).map { String(format: "c%02d", $0) })
        #expect(response.object["next"] is NSNull)
        #expect(response.header("Link") == nil)
    }

    @Test func followingCursorsReturnsEveryItemExactlyOnce() throws {
        for (path, total) in [("/v1/claims", 28), ("/v1/entities", 27), ("/v1/claims?anonymity=unspecified", 11),
                              ("/v1/entities/pakistan-today-sources/claims", 10)] {
            var seen: [String] = []
            var target = path + (path.contains("?") ? "&" : "?") + "limit=4"
            for _ in 0..<20 {
                let response = SeedAPI.get(target)
                #expect(response.status == 200)
                seen += response.itemIds
                guard let link = response.header("Link") else { break }
                let next = try #require(response.object["next"] as? String)
                #expect(link == "<\(target.split(separator: "&cursor=")[0])&cursor=\(next)>; rel=\"next\"")
                target = String(link.dropFirst().prefix { $0 != ">" })
            }
            #expect(seen.count == total, "\(path)")
            #expect(Set(seen).count == seen.count, "\(path): an item came twice")
            #expect(seen == seen.sorted(), "\(path)")
        }
    }

    @Test func anyWellFormedCursorIsAPosition() {
        // base64url("c20") = "YzIw": the page starts after c20.
        #expect(SeedAPI.get("/v1/claims?cursor=YzIw").itemIds.first == "c21")
        #expect(SeedAPI.get("/v1/claims?cursor=enp6").itemIds.isEmpty)  // "zzz", after every id
    }

    @Test(arguments: [
        ("/v1/claims?limt=3", "limt"), ("/v1/claims?limit=0", "limit"), ("/v1/claims?limit=501", "limit"),
        ("/v1/claims?limit=abc", "limit"), ("/v1/claims?limit=-1", "limit"), ("/v1/claims?limit=5&limit=5", "limit"),
        ("/v1/claims?limit", "limit"), ("/v1/claims?cursor=%21%21", "cursor"), ("/v1/claims?cursor=a", "cursor"),
        ("/v1/claims?anonymity=secret", "anonymity"), ("/v1/claims?mode=said", "mode"), ("/v1/claims?min_depth=0", "min_depth"),
        ("/v1/claims?q=", "q"), ("/v1/entities?kind=robot", "kind"), ("/v1/entities/karachi/claims?role=author", "role"),
        ("/v1/claims/c01?pretty=1", "pretty"), ("/healthz?x=1", "x"), ("/v1/articles?article=x", "article"),
    ])
    func badParametersAre400NamingThem(target: String, parameter: String) {
        let response = SeedAPI.get(target)
        #expect(response.status == 400)
        #expect(response.object["type"] as? String == "urn:attributed:problem:invalid-parameter")
        #expect(response.object["parameter"] as? String == parameter)
        #expect((response.object["detail"] as? String)?.contains("\"\(parameter)\"") == true)
    }

    @Test func tooManyParametersIs400() {
        let target = "/v1/claims?" + (0..<65).map { "p\($0)=1" }.joined(separator: "&")
        #expect(SeedAPI.get(target).object["type"] as? String == "urn:attributed:problem:too-many-parameters")
    }

    @Test func claimFilters() {
        #expect(SeedAPI.get("/v1/claims?article=is-emerging-in-karachi").itemIds.count == 28)
        #expect(SeedAPI.get("/v1/claims?article=nope").itemIds.isEmpty)
        #expect(SeedAPI.get("/v1/claims?source=karachi-police-inspector").itemIds == ["c21", "c23", "c24", "c25"])
        #expect(SeedAPI.get("/v1/claims?source=cmc-letter-2014-10&min_depth=3").itemIds == ["c15", "c16", "c17", "c18", "c19", "c20"])
        #expect(SeedAPI.get("/v1/claims?min_depth=3").itemIds.count == 11)
        #expect(SeedAPI.get("/v1/claims?mode=mixed_quote").itemIds == ["c26"])
        #expect(SeedAPI.get("/v1/claims?anonymity=named").itemIds == ["c01", "c05", "c14", "c22", "c26", "c27", "c28"])
        #expect(SeedAPI.get("/v1/claims?entity=raja-umar-khattab").itemIds == ["c26", "c27", "c28"])
        #expect(SeedAPI.get("/v1/claims?q=Sohrab+GOTH&source=pakistan-today-sources").itemIds == ["c10", "c13"])
        #expect(SeedAPI.get("/v1/claims?q=patrol").itemIds == ["c12", "c13"])  // a word prefix matches
        #expect(SeedAPI.get("/v1/claims?q=%21%21%21").itemIds.isEmpty)  // no word: nothing, never everything
    }

    @Test func entityFiltersAndRoles() {
        #expect(SeedAPI.get("/v1/entities?kind=place").itemIds.count == 5)
        #expect(SeedAPI.get("/v1/entities?q=daish").itemIds == ["islamic-state"])
        #expect(SeedAPI.get("/v1/entities?q=police+inspector").itemIds == ["karachi-police-inspector"])
        let asSource = SeedAPI.get("/v1/entities/raja-umar-khattab/claims?role=source").itemIds
        let asSubject = SeedAPI.get("/v1/entities/raja-umar-khattab/claims?role=subject").itemIds
        let either = SeedAPI.get("/v1/entities/raja-umar-khattab/claims").itemIds
        #expect(asSource == ["c26", "c28"])
        #expect(Set(either) == Set(asSource + asSubject))
        #expect(SeedAPI.get("/v1/entities/nope/claims").status == 404)
        #expect(SeedAPI.get("/v1/articles/nope/claims").status == 404)
    }
}

import Foundation

/// List items come from a cache of hot claims' bodies once a page is asked again: every way through gives the
/// same bytes, and each item is exactly the claim's own body.
@Suite struct ListedClaimBodiesTests {
    @Test func aPageAskedAgainIsByteIdentical() throws {
        let store = try Store(DatasetLoader.load(path: BundledResources.seedDatasetPath!))
        let ask = { SeedAPI.get("/v1/claims?limit=28", store: store).bodyBytes }
        let first = ask()
        #expect(ask() == first)  // second miss: admitted
        #expect(ask() == first)  // hit
        let items = try #require(try JSONSerialization.jsonObject(with: Data(first)) as? [String: Any])["items"] as? [[String: Any]]
        #expect(items?.count == 28)
        for id in ["c01", "c15", "c28"] {
            let single = SeedAPI.get("/v1/claims/\(id)", store: store).bodyBytes
            let listed = SeedAPI.get("/v1/claims?limit=28", store: store).bodyBytes
            #expect(listed.firstRange(of: single) != nil, "\(id)")
        }
    }
}
