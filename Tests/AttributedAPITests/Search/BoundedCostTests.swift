@testable import AttributedCore
import Foundation
import Testing

/// A list costs the page plus the rarest posting list it touches, never the corpus: each response counts the
/// candidates its query examined, and these tests bound that count without timing anything.
@Suite struct BoundedCostTests {
    func examined(_ target: String, store: Store = SeedAPI.store) -> Int? {
        let response = SeedAPI.api.respond(to: SeedAPI.request(target), store: store)
        #expect(response.status == 200, "\(target)")
        return response.examined
    }

    @Test func aWordNoClaimContainsExaminesNothing() {
        #expect(examined("/v1/claims?q=zzzz") == 0)
        #expect(examined("/v1/claims?q=zzzz&anonymity=named") == 0)
        #expect(examined("/v1/claims?entity=no-such-entity") == 0)
        #expect(examined("/v1/claims?min_depth=40") == 0)  // deeper than any chain
    }

    @Test func aFilterExaminesOnlyItsOwnClaims() {
        // karachi-police-inspector is the source of 4 claims.
        #expect(examined("/v1/claims?source=karachi-police-inspector") == 4)
        #expect(examined("/v1/claims?source=karachi-police-inspector&q=police") ?? 99 <= 4)
        // With the broadest filter too, the rarest list leads.
        #expect(examined("/v1/claims?source=karachi-police-inspector&entity=pakistan-today") ?? 99 <= 4)
        #expect(examined("/v1/claims?limit=2&source=karachi-police-inspector") == 3)  // the page and one to know there is more
    }

    @Test func page50CostsWhatPage1Costs() throws {
        let sentences = (0..<1_000).map { (text: "Report \($0) says the plan was approved.", source: "nunez") }
        let store = try SearchCorpus.store(sentences, people: [SearchCorpus.Person(id: "nunez", name: "María Núñez")])
        var target = "/v1/claims?q=plan+approved&limit=10"
        var costs: [Int] = []
        for _ in 0..<50 {
            let response = SearchCorpus.api(store, target)
            costs.append(try #require(response.examined))
            guard let next = response.object["next"] as? String else { break }
            target = "/v1/claims?q=plan+approved&limit=10&cursor=\(next)"
        }
        #expect(costs.count == 50)
        #expect(costs.allSatisfy { $0 <= 11 }, "\(costs)")
    }

    /// A broad word ranked by relevance skips the blocks of 1,024 claims that cannot beat the page (block-max
    /// pruning): 3,000 claims match, equally relevant, and the first page examines about one block at most.
    @Test func aBroadRelevancePageSkipsBlocksThatCannotReachIt() throws {
        let sentences = (0..<3_000).map { (text: "Report \($0) says the plan was approved.", source: "nunez") }
        let store = try SearchCorpus.store(sentences, people: [SearchCorpus.Person(id: "nunez", name: "María Núñez")])
        let ranked = SearchCorpus.api(store, "/v1/claims?q=plan&sort=relevance&limit=10")
        let byID = SearchCorpus.api(store, "/v1/claims?q=plan&limit=10")
        #expect(ranked.itemIds.count == 10 && ranked.itemIds == byID.itemIds)  // equal scores rank by id
        #expect(try #require(ranked.examined) <= 1_024 + 11)
    }

    /// A word merges the lists of every indexed word it begins: past `SearchQuery.maximumExpansions` in all, the
    /// query is refused with a 400 naming the broadest word, on every route that searches (a list, an export, the
    /// explorer), rather than merging them or silently dropping some; a longer prefix is served.
    @Test func aSearchThatExpandsToTooManyWordsIsRefused() throws {
        let limit = SearchQuery.maximumExpansions
        // w0000 … w1099: "w" begins 1,100 words, "w0" 1,000, "w10" 100.
        let sentences = (0..<(limit + 76)).map { (text: "Report \(String(format: "w%04d", $0)) filed.", source: "nunez") }
        let store = try SearchCorpus.store(sentences, people: [SearchCorpus.Person(id: "nunez", name: "María Núñez")])
        for target in ["/v1/claims?q=w", "/v1/claims?q=w&sort=relevance", "/v1/claims?q=w&format=ndjson",
                       "/v1/claims?q=w0+w10+w11", "/explore/?q=w"] {
            let response = SearchCorpus.api(store, target)
            #expect(response.status == 400, "\(target)")
        }
        let refused = SearchCorpus.api(store, "/v1/claims?q=w")
        #expect(refused.object["type"] as? String == "urn:attributed:problem:invalid-parameter")
        #expect(refused.object["parameter"] as? String == "q")
        #expect((refused.object["detail"] as? String)?.contains("begin 1100 indexed words, more than the \(limit)") == true)
        #expect((refused.object["detail"] as? String)?.contains("\"w\" alone begins 1100") == true)
        // Within the bound: served, and complete.
        let narrower = SearchCorpus.api(store, "/v1/claims?q=w0&limit=500")
        #expect(narrower.status == 200 && narrower.itemIds.count == 500 && narrower.object["next"] is String)
        #expect(SearchCorpus.api(store, "/v1/claims?q=w0&format=ndjson").bodyBytes.split(separator: 0x0A).count == 1_000)
        #expect(SearchCorpus.api(store, "/v1/claims?q=w10+report&sort=relevance").itemIds.count == 50)
        // Entities are searched the same way.
        let people = (0..<(limit + 1)).map { SearchCorpus.Person(id: String(format: "p%04d", $0), name: String(format: "Name%04d", $0)) }
        let crowd = try SearchCorpus.store([(text: "It was said.", source: "p0000")], people: people)
        #expect(SearchCorpus.api(crowd, "/v1/entities?q=name").status == 400)
        #expect(SearchCorpus.api(crowd, "/v1/entities?q=name000").itemIds.count == 10)
    }

    @Test func aRareWordAmongCommonOnesLeadsTheJoin() throws {
        var sentences = (0..<500).map { (text: "The plan \($0) was approved.", source: "nunez") }
        sentences.append((text: "The plan zebra was approved.", source: "nunez"))
        let store = try SearchCorpus.store(sentences, people: [SearchCorpus.Person(id: "nunez", name: "María Núñez")])
        #expect(examined("/v1/claims?q=plan+approved+zebra", store: store) == 1)
        #expect(examined("/v1/claims?q=zebra&anonymity=named&mode=direct_quote&min_depth=2", store: store) == 1)
    }
}

/// `min_depth` goes up to 64; a chain may be longer, and still matches every `min_depth` up to 64.
@Suite struct DeepChainTests {
    @Test func aChainDeeperThan64MatchesMinDepth64() throws {
        let people = [SearchCorpus.Person(id: "ann", name: "Ann"), SearchCorpus.Person(id: "bob", name: "Bob")]
        let json = SearchCorpus.json([(text: "It was said.", source: "ann"), (text: "It was not.", source: "bob")], people: people)
        var dataset = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var claims = try #require(dataset["claims"] as? [[String: Any]])
        var chain = try #require(claims[0]["chain"] as? [[String: Any]])
        let hop = chain[1]
        for position in 2..<70 {
            var link = hop
            link["source"] = position.isMultiple(of: 2) ? "bob" : "ann"
            link["derivation"] = "paraphrase"
            link["mode"] = "indirect_speech"
            chain.append(link)
        }
        claims[0]["chain"] = chain
        dataset["claims"] = claims
        let bytes = try JSONSerialization.data(withJSONObject: dataset)
        let store = try Store(DatasetLoader.load(files: [("deep.json", [UInt8](bytes))]))
        let ids = { (target: String) in SearchCorpus.api(store, target).itemIds }
        #expect(ids("/v1/claims?min_depth=64") == ["c0000"])
        #expect(ids("/v1/claims?min_depth=64&mode=indirect_speech&anonymity=named") == ["c0000"])
        #expect(ids("/v1/claims?min_depth=3") == ["c0000"])
        #expect(ids("/v1/claims?min_depth=2") == ["c0000", "c0001"])
        #expect(SearchCorpus.api(store, "/v1/claims/c0000").object["depth"] as? Int == 70)
    }
}
