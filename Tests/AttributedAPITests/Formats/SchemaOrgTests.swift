@testable import AttributedCore
import Foundation
import Testing

/// `format=jsonld`: schema.org `NewsArticle` and `Claim` (pyld expands every seed one in Tests/Standards).
@Suite struct SchemaOrgTests {
    @Test func theSeedArticleSaysOnlyWhatTheDatasetHolds() throws {
        let response = SeedAPI.get("/v1/articles/is-emerging-in-karachi?format=jsonld")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/ld+json")
        let article = response.object
        #expect(article["@context"] as? String == "https://schema.org")
        #expect(article["@type"] as? String == "NewsArticle")
        #expect(article["@id"] as? String == "/v1/articles/is-emerging-in-karachi")
        #expect(article["headline"] as? String == "IS emerging in Karachi?")
        #expect(article["publisher"] as? [String: String] ==
                ["@type": "NewsMediaOrganization", "@id": "/v1/entities/pakistan-today", "name": "Pakistan Today"])
        // The seed has no url, date, byline or author: none is written, not even as null.
        for absent in ["url", "datePublished", "creditText", "author"] { #expect(article[absent] == nil, "\(absent)") }
    }

    @Test func anArticleWithEverything() throws {
        let article = LinkedDataFixture.get("/v1/articles/moss-pike?format=jsonld").object
        #expect(article["url"] as? String == "https://news.example/moss-pike")
        #expect(article["datePublished"] as? String == "2026-03-14")
        #expect(article["creditText"] as? String == "By Ann Writer")
        #expect(article["author"] as? [[String: String]] == [["@type": "Person", "@id": "/v1/entities/ann-writer", "name": "Ann Writer"]])
        #expect(article["abstract"] as? [String] == ["𝕏 A letter, sources say, puts Moss with Pike."])
    }

    @Test func anAnonymousOriginIsAPersonWithItsDescriptorAndNoName() throws {
        let claim = SeedAPI.get("/v1/claims/c07?format=jsonld").object
        #expect(claim["@type"] as? String == "Claim")
        #expect(claim["author"] as? [String: String] ==
                ["@type": "Person", "@id": "/v1/entities/pakistan-today-sources", "description": "Sources"])
        #expect((claim["appearance"] as? [String: Any])?["@id"] as? String == "/v1/articles/is-emerging-in-karachi")
        // A named origin has its name; a person's affiliation is its organisation.
        let named = SeedAPI.get("/v1/claims/c26?format=jsonld").object["author"] as? [String: Any]
        #expect(named?["name"] as? String == "Raja Umar Khattab")
        #expect((named?["affiliation"] as? [String: String])?["@id"] == "/v1/entities/counter-terrorism-department")
    }

    @Test func aDocumentsClaimIsAuthoredByItsIssuerAndBasedOnIt() throws {
        let claim = LinkedDataFixture.get("/v1/claims/c01?format=jsonld").object
        #expect((claim["author"] as? [String: String])?["@id"] == "/v1/entities/met-police")
        #expect(claim["isBasedOn"] as? [String: String] ==
                ["@type": "CreativeWork", "@id": "/v1/entities/police-letter", "description": "a police letter", "dateCreated": "2026-03"])
        #expect((claim["appearance"] as? [String: Any])?["url"] as? String == "https://news.example/moss-pike")
    }

    @Test func eachHasItsOwnETagAnd304AndTheArticleTagFollowsItsPublisher() throws {
        for path in ["/v1/claims/c15", "/v1/articles/is-emerging-in-karachi"] {
            let tag = try #require(SeedAPI.get(path + "?format=jsonld").header("ETag"))
            #expect(tag != SeedAPI.get(path).header("ETag"))
            #expect(SeedAPI.get(path + "?format=jsonld", ifNoneMatch: tag).status == 304)
        }
        #expect(LinkedDataFixture.get("/v1/articles/moss-pike?format=jsonld").header("ETag")
                != SeedAPI.get("/v1/articles/is-emerging-in-karachi?format=jsonld").header("ETag"))
    }
}
