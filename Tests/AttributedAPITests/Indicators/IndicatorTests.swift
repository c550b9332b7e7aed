@testable import AttributedCore
import Foundation
import Testing

/// Exact indicator values (docs/indicators.md), derived by hand from the data, claim by claim.
@Suite struct IndicatorTests {
    /// The indicators as numbers: `[named, partially_identified, anonymous, unspecified]` for the two breakdowns.
    struct Expected: Equatable, CustomStringConvertible {
        var articles: Int? = nil
        var claims: Int
        var byWeakestAnonymity: [Int]
        var namedOrigin: Int
        var sources: Int
        var sourcesByAnonymity: [Int]
        var unnamedSourcesWithReason: Int
        var unnamedSourcesWithoutReason: Int
        var documentSourced: Int
        var secondHand: Int
        var hedged: Int
        var declinedComment: Int
        var maxDepth: Int
        var meanDepth: String
        var corroborated: Int

        var description: String { String(describing: Mirror(reflecting: self).children.map { "\($0.label!)=\($0.value)" }) }
    }

    /// Reads a response's body into `Expected`, `meanDepth` as written (its two decimals are part of the contract).
    static func actual(_ response: Response) throws -> Expected {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(response.bodyBytes)) as? [String: Any])
        let text = String(decoding: response.bodyBytes, as: UTF8.self)
        let meanDepth = try #require(text.firstMatch(of: /"meanDepth":([0-9.]+)/)).1
        func breakdown(_ key: String) -> [Int] {
            let counts = object[key] as? [String: Int] ?? [:]
            #expect(counts.keys.sorted() == ["anonymous", "named", "partially_identified", "unspecified"])
            return ["named", "partially_identified", "anonymous", "unspecified"].map { counts[$0] ?? -1 }
        }
        let keys = ["claims", "byWeakestAnonymity", "namedOrigin", "sources", "sourcesByAnonymity", "unnamedSourcesWithReason",
                    "unnamedSourcesWithoutReason", "documentSourced", "secondHand", "hedged", "declinedComment", "maxDepth",
                    "meanDepth", "corroborated"]
        #expect(Set(object.keys) == Set(keys + (object["articles"] == nil ? [] : ["articles"])), "exactly these fields")
        func int(_ key: String) -> Int { object[key] as? Int ?? -1 }
        return Expected(articles: object["articles"] as? Int, claims: int("claims"), byWeakestAnonymity: breakdown("byWeakestAnonymity"),
                        namedOrigin: int("namedOrigin"), sources: int("sources"), sourcesByAnonymity: breakdown("sourcesByAnonymity"),
                        unnamedSourcesWithReason: int("unnamedSourcesWithReason"),
                        unnamedSourcesWithoutReason: int("unnamedSourcesWithoutReason"), documentSourced: int("documentSourced"),
                        secondHand: int("secondHand"), hedged: int("hedged"), declinedComment: int("declinedComment"),
                        maxDepth: int("maxDepth"), meanDepth: String(meanDepth), corroborated: int("corroborated"))
    }

    /// The seed, from its 28 chains:
    /// - weakest: named c01 c05 c14 c22 c26 c27 c28 (7); partially identified c21 c23 c24 c25, the inspector (4);
    ///   anonymous c02 c03 c04 c06 c07 c08 (6); unspecified c09–c13, c15–c20 (11);
    /// - named origin: the paper (c01 c05 c22 c27), the Crime Monitoring Cell (c14), Khattab (c26 c28): 7;
    /// - sources, Pakistan Today excluded: named the Crime Monitoring Cell and Khattab; partially identified the
    ///   CMC letter and the inspector; anonymous the paper's sources and the investigation; unspecified the
    ///   informants' reports and the letter's "it has been reported": 8, none with a reason, so 4 unnamed without;
    /// - document on the chain: the letter, c15–c20 (6); depth 3: c09–c13, c15–c20 (11);
    /// - hedged: c01 (the headline's Uu) and c28 (PS+, a belief): 2; no declined comment;
    /// - depths 4 × 1 + 13 × 2 + 11 × 3 = 63 over 28 claims: 2.25;
    /// - corroborated: is-emerging-in-karachi (the paper, Khattab), is-working-in-karachi-since-july-2014 (sources,
    ///   the investigation), militants-formed-is-group-in-karachi and is-militants-asked-ssp-jem-militants-to-join-is
    ///   (sources, the informants), inspector-killed-many-militants-in-encounters (the paper, the inspector): 5.
    static let seed = Expected(claims: 28, byWeakestAnonymity: [7, 4, 6, 11], namedOrigin: 7, sources: 8,
                               sourcesByAnonymity: [2, 2, 2, 2], unnamedSourcesWithReason: 0, unnamedSourcesWithoutReason: 4,
                               documentSourced: 6, secondHand: 11, hedged: 2, declinedComment: 0, maxDepth: 3,
                               meanDepth: "2.25", corroborated: 5)

    @Test func seedArticle() throws {
        let response = SeedAPI.get("/v1/articles/is-emerging-in-karachi/indicators")
        #expect(response.status == 200)
        #expect(try Self.actual(response) == Self.seed)
    }

    @Test(arguments: ["/v1/indicators", "/v1/indicators?publisher=pakistan-today"])
    func seedAggregateIsItsOneArticle(target: String) throws {
        var expected = Self.seed
        expected.articles = 1
        #expect(try Self.actual(SeedAPI.get(target)) == expected)
    }

    /// An id that publishes nothing selects no article, as a filter naming nothing does.
    @Test(arguments: ["nobody", "karachi", "raja-umar-khattab"])
    func aPublisherWithoutArticlesSelectsNothing(publisher: String) throws {
        let response = SeedAPI.get("/v1/indicators?publisher=\(publisher)")
        #expect(response.status == 200)
        #expect(try Self.actual(response) == Expected(articles: 0, claims: 0, byWeakestAnonymity: [0, 0, 0, 0], namedOrigin: 0,
                                                      sources: 0, sourcesByAnonymity: [0, 0, 0, 0], unnamedSourcesWithReason: 0,
                                                      unnamedSourcesWithoutReason: 0, documentSourced: 0, secondHand: 0, hedged: 0,
                                                      declinedComment: 0, maxDepth: 0, meanDepth: "0.00", corroborated: 0))
    }

    // Tests/Datasets/indicators.json. a1 (The Daily):
    //   c1 the paper, CT+ (depth 1, named origin, not hedged)        c2 the mayor, CT+ (named)
    //   c3 an aide, PR+ (anonymous; hedged)                          c4 the aide again, CT+ (same origin as c3)
    //   c5 insider → memo → "it is said", CT+ but a belief (depth 4; unspecified; a document; hedged)
    //   c6 the Ministry declined to comment, CT− (named origin, declined, not hedged)
    //   c7 a clerk says the paper reported it (depth 3; partially identified; origin the paper: named; the paper
    //      is no source of its own article)
    // Sources: the mayor, the Ministry (named); the insider (reason), the memo, the clerk (partially identified);
    // the aide (anonymous, reason); "it is said" (unspecified): 7, 2 unnamed with a reason, 2 without.
    // Depths 1+2+2+2+4+2+3 = 16 over 7: 2.2857 → 2.29. Corroborated: budget-passed (the paper, the mayor); not
    // cuts-follow (the aide twice).
    static let a1 = Expected(claims: 7, byWeakestAnonymity: [3, 1, 2, 1], namedOrigin: 4, sources: 7,
                             sourcesByAnonymity: [2, 3, 1, 1], unnamedSourcesWithReason: 2, unnamedSourcesWithoutReason: 2,
                             documentSourced: 1, secondHand: 2, hedged: 2, declinedComment: 1, maxDepth: 4, meanDepth: "2.29",
                             corroborated: 1)
    // a2 (The Daily): the mayor, CT+; officials, PS+ (hedged), both on parks-reopen: corroborated.
    static let a2 = Expected(claims: 2, byWeakestAnonymity: [1, 0, 1, 0], namedOrigin: 1, sources: 2,
                             sourcesByAnonymity: [1, 0, 1, 0], unnamedSourcesWithReason: 0, unnamedSourcesWithoutReason: 1,
                             documentSourced: 0, secondHand: 0, hedged: 1, declinedComment: 0, maxDepth: 2, meanDepth: "2.00",
                             corroborated: 1)
    // b1 (The Weekly): The Daily (a source here, named) reports that the aide said it.
    static let b1 = Expected(claims: 1, byWeakestAnonymity: [0, 0, 1, 0], namedOrigin: 0, sources: 2,
                             sourcesByAnonymity: [1, 0, 1, 0], unnamedSourcesWithReason: 1, unnamedSourcesWithoutReason: 0,
                             documentSourced: 0, secondHand: 1, hedged: 0, declinedComment: 0, maxDepth: 3, meanDepth: "3.00",
                             corroborated: 0)
    // b2 (The Weekly): no claims.
    static let b2 = Expected(claims: 0, byWeakestAnonymity: [0, 0, 0, 0], namedOrigin: 0, sources: 0,
                             sourcesByAnonymity: [0, 0, 0, 0], unnamedSourcesWithReason: 0, unnamedSourcesWithoutReason: 0,
                             documentSourced: 0, secondHand: 0, hedged: 0, declinedComment: 0, maxDepth: 0, meanDepth: "0.00",
                             corroborated: 0)

    @Test(arguments: [("a1", a1), ("a2", a2), ("b1", b1), ("b2", b2)])
    func fixtureArticles(article: String, expected: Expected) throws {
        let response = TestDatasets.get(TestDatasets.indicators, "/v1/articles/\(article)/indicators")
        #expect(response.status == 200)
        #expect(try Self.actual(response) == expected)
    }

    /// Sums, except distinct sources: the mayor and the aide, sources of both a1 and a2 or b1, count once; The
    /// Daily, publisher of a1 and a2, is a source of b1 and so counts overall. Means over all claims: 20 / 9 = 2.22,
    /// 23 / 10 = 2.30.
    @Test func fixtureAggregates() throws {
        let daily = Expected(articles: 2, claims: 9, byWeakestAnonymity: [4, 1, 3, 1], namedOrigin: 5, sources: 8,
                             sourcesByAnonymity: [2, 3, 2, 1], unnamedSourcesWithReason: 2, unnamedSourcesWithoutReason: 3,
                             documentSourced: 1, secondHand: 2, hedged: 3, declinedComment: 1, maxDepth: 4, meanDepth: "2.22",
                             corroborated: 2)
        var weekly = Self.b1
        weekly.articles = 2
        let overall = Expected(articles: 4, claims: 10, byWeakestAnonymity: [4, 1, 4, 1], namedOrigin: 5, sources: 9,
                               sourcesByAnonymity: [3, 3, 2, 1], unnamedSourcesWithReason: 2, unnamedSourcesWithoutReason: 3,
                               documentSourced: 1, secondHand: 3, hedged: 3, declinedComment: 1, maxDepth: 4, meanDepth: "2.30",
                               corroborated: 2)
        let store = TestDatasets.indicators
        #expect(try Self.actual(TestDatasets.get(store, "/v1/indicators?publisher=daily")) == daily)
        #expect(try Self.actual(TestDatasets.get(store, "/v1/indicators?publisher=weekly")) == weekly)
        #expect(try Self.actual(TestDatasets.get(store, "/v1/indicators")) == overall)
    }

    @Test func meanDepthIsRoundedHalfUpWithTwoDecimals() {
        func mean(_ total: UInt32, _ claims: UInt32) -> String {
            var counts = SourcingCounts()
            counts.totalDepth = total
            counts.claims = claims
            return IndicatorsJSON.decimal(hundredths: counts.meanDepthHundredths)
        }
        #expect(mean(16, 7) == "2.29")
        #expect(mean(5, 3) == "1.67")
        #expect(mean(9, 8) == "1.13")  // 1.125, half up
        #expect(mean(1, 200) == "0.01")  // 0.005, half up
        #expect(mean(1, 201) == "0.00")
        #expect(mean(0, 0) == "0.00")
        #expect(mean(130, 2) == "65.00")
    }

    @Test func unknownArticleIs404AndParametersAreStrict() {
        #expect(SeedAPI.get("/v1/articles/nothing/indicators").status == 404)
        #expect(SeedAPI.get("/v1/articles/is-emerging-in-karachi/indicators?x=1").object["parameter"] as? String == "x")
        #expect(SeedAPI.get("/v1/indicators?publisher=").object["parameter"] as? String == "publisher")
        // Several publishers select the articles of any of them (here none): no longer a 400.
        #expect(SeedAPI.get("/v1/indicators?publisher=a&publisher=b").object["articles"] as? Int == 0)
        #expect(SeedAPI.get("/v1/indicators?article=x").object["parameter"] as? String == "article")
    }

    /// Tags from load: a conditional request renders nothing; the article's and the publisher's bodies are rendered
    /// on demand under their resource key, so the server can keep them as finished responses.
    @Test func indicatorsHaveTagsFromLoadAndRevalidate() throws {
        for target in ["/v1/articles/is-emerging-in-karachi/indicators", "/v1/indicators?publisher=pakistan-today", "/v1/indicators"] {
            let response = SeedAPI.get(target)
            let etag = try #require(response.header("ETag"))
            #expect(etag == ETag.strong(for: response.bodyBytes), "\(target)")
            #expect(SeedAPI.get(target, ifNoneMatch: etag).status == 304)
        }
        guard case .rendered(let body) = SeedAPI.get("/v1/articles/is-emerging-in-karachi/indicators").body else {
            Issue.record("not rendered on demand")
            return
        }
        #expect(body.key?.kind == .articleIndicators)
        // The seed's one publisher has every article: the same bytes, so the same tag.
        #expect(SeedAPI.get("/v1/indicators?publisher=pakistan-today").header("ETag") == SeedAPI.get("/v1/indicators").header("ETag"))
    }
}
