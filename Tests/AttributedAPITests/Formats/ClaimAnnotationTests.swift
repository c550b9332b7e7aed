@testable import AttributedCore
import Foundation
import Testing

/// `format=annotation` on `/v1/claims/{id}`: a claim as a W3C Web Annotation (pyld expands every seed claim's in
/// Tests/Standards/anno_check.py).
@Suite struct ClaimAnnotationTests {
    static func selectors(_ target: [String: Any]) -> (quote: [String: Any], position: [String: Any])? {
        guard let selectors = target["selector"] as? [[String: Any]],
              let quote = selectors.first(where: { $0["type"] as? String == "TextQuoteSelector" }),
              let position = selectors.first(where: { $0["type"] as? String == "TextPositionSelector" })
        else { return nil }
        return (quote, position)
    }

    @Test func c15IsADescribingAnnotationOfTheArticleWithItsChainInTheBody() throws {
        let response = SeedAPI.get("/v1/claims/c15?format=annotation")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == #"application/ld+json; profile="http://www.w3.org/ns/anno.jsonld""#)
        let annotation = response.object
        #expect(annotation["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
        #expect(annotation["id"] as? String == "/v1/claims/c15")
        #expect(annotation["type"] as? String == "Annotation")
        #expect(annotation["motivation"] as? String == "describing")
        let body = try #require(annotation["body"] as? [String: Any])
        #expect(body["type"] as? String == "TextualBody")
        #expect(body["value"] as? String == "Abid Kahot of Kahota met Waleed Al-Ama of Uzbekistan")
        #expect(body["@context"] as? [String: String] == ["attr": "urn:attributed:vocab:"])
        let chain = try #require(body["attr:chain"] as? [[String: Any]])
        #expect(chain.map { ($0["attr:source"] as? [String: Any])?["id"] as? String } ==
                ["/v1/entities/pakistan-today", "/v1/entities/cmc-letter-2014-10", "/v1/entities/letter-unspecified-reports"])
        #expect(chain.map { $0["attr:factuality"] as? String } == ["Uu", "Uu", "CT+"])
        #expect(chain.map { $0["attr:cue"] as? String } == [nil, "reads", "It has been reported that"])
        #expect(chain[1]["attr:derivation"] as? String == "quotation")
        #expect((chain[0]["attr:source"] as? [String: Any])?["type"] as? String == "Organization")
        #expect((chain[2]["attr:source"] as? [String: Any])?["name"] == nil)  // unnamed: no name, not a null
        let targets = try #require(annotation["target"] as? [[String: Any]])
        #expect(targets.count == 1)
        #expect(targets[0]["source"] as? String == "/v1/articles/is-emerging-in-karachi")  // the seed has no url
        #expect(targets[0]["attr:field"] as? String == "body")
        let (quote, position) = try #require(Self.selectors(targets[0]))
        #expect(quote["exact"] as? String == "Abid Kahot of Kahota met with Waleed Al-Ama of Uzbekistan")
        #expect(position["start"] as? Int == 1310)
        #expect(position["end"] as? Int == 1367)
    }

    @Test func theProtocolsHeadersAndItsOwnETag() throws {
        let response = SeedAPI.get("/v1/claims/c15?format=annotation")
        let links = response.sentHeaders.filter { $0.name == "Link" }.map(\.value)
        #expect(links == ["<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"", "<http://www.w3.org/ns/oa#Annotation>; rel=\"type\"",
                          "</v1/claims/c15/provenance>; rel=\"http://www.w3.org/ns/prov#has_provenance\""])
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(response.header("Vary") == "Accept, Accept-Encoding")
        let tag = try #require(response.header("ETag"))
        #expect(tag != SeedAPI.get("/v1/claims/c15").header("ETag"))
        #expect(tag != SeedAPI.get("/v1/claims/c15?format=jsonld").header("ETag"))
        #expect(SeedAPI.get("/v1/claims/c15?format=annotation", ifNoneMatch: tag).status == 304)
        #expect(SeedAPI.get("/v1/claims/c15", ifNoneMatch: tag).status == 200)
        let tags = Set((1...28).map { SeedAPI.get("/v1/claims/c\($0 < 10 ? "0" : "")\($0)?format=annotation").header("ETag") })
        #expect(tags.count == 28)
        #expect(SeedAPI.get("/v1/claims/c15?format=annotation").bodyBytes == response.bodyBytes)
    }

    /// Every seed claim: `exact` is the field's text between the positions, counted in Unicode scalars (code
    /// points), and the prefix and suffix touch it.
    @Test func everySeedSelectorPairPicksTheSameText() throws {
        let article = SeedAPI.store.articles[0]
        for number in 1...28 {
            let id = "c\(number < 10 ? "0" : "")\(number)"
            let targets = try #require(SeedAPI.get("/v1/claims/\(id)?format=annotation").object["target"] as? [[String: Any]])
            for target in targets { try Self.expectSelectorsAgree(target, in: article, claim: id) }
        }
    }

    static func expectSelectorsAgree(_ target: [String: Any], in article: Article, claim: String) throws {
        let field = try #require((target["attr:field"] as? String).flatMap(ArticleField.init(rawValue:)))
        let text = try #require(article.text(of: field, index: target["attr:summaryIndex"] as? Int))
        let scalars = Array(text.unicodeScalars)
        let (quote, position) = try #require(selectors(target))
        let start = try #require(position["start"] as? Int)
        let end = try #require(position["end"] as? Int)
        func slice(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        #expect(slice(start..<end) == quote["exact"] as? String, "\(claim)")
        let prefix = quote["prefix"] as? String ?? ""
        let suffix = quote["suffix"] as? String ?? ""
        #expect(slice(0..<start).hasSuffix(prefix) && (prefix.isEmpty == (start == 0)), "\(claim) prefix")
        #expect(slice(end..<scalars.count).hasPrefix(suffix) && (suffix.isEmpty == (end == scalars.count)), "\(claim) suffix")
    }

    /// A quote interrupted by its attribution is one target per segment; an article's `url` is the targets'
    /// source; offsets after a character outside the BMP are still code points; a summary line is named.
    @Test func segmentsUrlAstralOffsetsAndSummaries() throws {
        let article = LinkedDataFixture.store.articles[0]
        let denial = LinkedDataFixture.get("/v1/claims/c02?format=annotation").object
        let targets = try #require(denial["target"] as? [[String: Any]])
        #expect(targets.compactMap { Self.selectors($0)?.quote["exact"] as? String } == ["I have never,", "met Yolanda Pike."])
        #expect(targets.allSatisfy { $0["source"] as? String == "https://news.example/moss-pike" })
        for target in targets { try Self.expectSelectorsAgree(target, in: article, claim: "c02") }
        let first = try #require(Self.selectors(targets[0]))
        // 93 code points in: 94 UTF-16 units and 98 UTF-8 bytes (the 𝕏 and a curly quote before it).
        #expect(first.position["start"] as? Int == 93)

        let summary = try #require(LinkedDataFixture.get("/v1/claims/c03?format=annotation").object["target"] as? [[String: Any]])
        #expect(summary.first?["attr:field"] as? String == "summary")
        #expect(summary.first?["attr:summaryIndex"] as? Int == 0)
        try Self.expectSelectorsAgree(try #require(summary.first), in: article, claim: "c03")

        let letter = try #require(LinkedDataFixture.get("/v1/claims/c01?format=annotation").object["body"] as? [String: Any])
        let source = try #require((letter["attr:chain"] as? [[String: Any]])?.last?["attr:source"] as? [String: Any])
        #expect(source["type"] as? String == "dctypes:Text")
        #expect((source["attr:issuer"] as? [String: String])?["id"] == "/v1/entities/met-police")
    }
}
