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

    @Test func aRareWordAmongCommonOnesLeadsTheJoin() throws {
        var sentences = (0..<500).map { (text: "The plan \($0) was approved.", source: "nunez") }
        sentences.append((text: "The plan zebra was approved.", source: "nunez"))
        let store = try SearchCorpus.store(sentences, people: [SearchCorpus.Person(id: "nunez", name: "María Núñez")])
        #expect(examined("/v1/claims?q=plan+approved+zebra", store: store) == 1)
        #expect(examined("/v1/claims?q=zebra&anonymity=named&mode=direct_quote&min_depth=2", store: store) == 1)
    }
}
