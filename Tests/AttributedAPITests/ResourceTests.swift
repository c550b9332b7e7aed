@testable import AttributedCore
import Foundation
import Testing

@Suite struct ResourceTests {
    @Test func articleCarriesItsTextAndClaimIds() {
        let article = SeedAPI.get("/v1/articles/is-emerging-in-karachi").object
        #expect(article["headline"] as? String == "IS emerging in Karachi?")
        #expect((article["summary"] as? [String])?.count == 2)
        #expect(article["byline"] is NSNull)
        #expect(article["published"] is NSNull)
        #expect(article["url"] is NSNull)
        #expect(article["publisher"] as? String == "pakistan-today")
        #expect((article["claims"] as? [String])?.count == 28)
    }

    @Test func claimCarriesComputedChainFacts() {
        let claim = SeedAPI.get("/v1/claims/c15").object
        #expect(claim["depth"] as? Int == 3)
        #expect(claim["origin"] as? String == "letter-unspecified-reports")
        #expect(claim["weakestAnonymity"] as? String == "unspecified")
        let chain = claim["chain"] as? [[String: Any]] ?? []
        #expect(chain.map { $0["source"] as? String } == ["pakistan-today", "cmc-letter-2014-10", "letter-unspecified-reports"])
        #expect((chain[2]["cue"] as? [String: Any])?["text"] as? String == "It has been reported that")
    }

    /// The seed's spans are all contiguous: each gains one segment, the span's own five fields, and the body is
    /// otherwise what it was (the span's keys keep their order, `segments` comes last).
    @Test func everySeedSpanHasOneSegmentEqualToItself() throws {
        let claims = SeedAPI.get("/v1/claims?limit=500").items
        #expect(claims.count == 28)
        for claim in claims {
            let span = try #require(claim["span"] as? [String: Any])
            let segments = try #require(span["segments"] as? [[String: Any]])
            #expect(segments.count == 1)
            for key in ["start", "end", "exact", "prefix", "suffix"] {
                #expect("\(segments[0][key] ?? "missing")" == "\(span[key] ?? "span")", "\(claim["id"] ?? "") \(key)")
            }
        }
        let body = String(decoding: SeedAPI.get("/v1/claims/c09").bodyBytes, as: UTF8.self)
        #expect(body.contains(#""prefix":"chi.\n\n“We received reports that ","suffix":". We got to know that they were ","segments":[{"start":482,"end":548,"#))
    }

    @Test func provenanceSideLoadsEveryEntity() throws {
        let provenance = SeedAPI.get("/v1/claims/c15/provenance").object
        let chain = try #require(provenance["chain"] as? [[String: Any]])
        #expect(chain.map { $0["position"] as? Int } == [0, 1, 2])
        let letter = try #require(chain[1]["source"] as? [String: Any])
        #expect(letter["kind"] as? String == "document")
        #expect(letter["issuer"] as? String == "crime-monitoring-cell")
        let entities = try #require(provenance["entities"] as? [String: Any])
        // The letter's issuer and recipients are side-loaded too, so the chain renders from this one response.
        for id in ["pakistan-today", "cmc-letter-2014-10", "letter-unspecified-reports", "crime-monitoring-cell"] {
            #expect(entities[id] != nil, "\(id) missing")
        }
        let claim = try #require(provenance["claim"] as? [String: Any])
        #expect(claim["id"] as? String == "c15")
    }

    @Test func entityCountsClaimsAsSourceAndSubject() {
        let publisher = SeedAPI.get("/v1/entities/pakistan-today").object
        #expect(publisher["claimsAsSource"] as? Int == 28)  // the publication speaks first in every chain
        let inspector = SeedAPI.get("/v1/entities/karachi-police-inspector").object
        #expect(inspector["claimsAsSource"] as? Int == 4)
        #expect(inspector["name"] is NSNull)
        #expect(inspector["anonymity"] as? String == "partially_identified")
        #expect(inspector["issuer"] == nil)  // document fields only on documents
    }

    @Test func unknownIdsAre404WithTheIdInTheDetail() {
        let response = SeedAPI.get("/v1/claims/c99")
        #expect(response.status == 404)
        #expect(response.object["detail"] as? String == "no claim with id \"c99\"")
        #expect(SeedAPI.get("/v1/entities/nobody").status == 404)
        #expect(SeedAPI.get("/v1/articles/nothing").status == 404)
    }

    /// Nothing is rendered ahead: a body is rendered when it is asked for, and its ETag, computed at load, is what a
    /// conditional request is answered from. The server keys its cache of finished responses by the resource.
    @Test func singleResourcesAreRenderedOnDemandWithTheirETagFromLoad() throws {
        for path in ["/v1/claims/c01", "/v1/claims/c01/provenance", "/v1/entities/karachi", "/v1/articles/is-emerging-in-karachi"] {
            let response = SeedAPI.get(path)
            guard case .rendered(let body) = response.body else {
                Issue.record("\(path) is not rendered on demand")
                continue
            }
            // A chain's tag combines the tags of the claim and its entities; an article's, its body's and its claims'.
            if !path.hasSuffix("/provenance"), !path.hasPrefix("/v1/articles/") {
                #expect(response.header("ETag") == ETag.strong(for: body.render()), "\(path)")
            }
            #expect(SeedAPI.get(path).header("ETag") == response.header("ETag"))
        }
        let claim = SeedAPI.get("/v1/claims/c01")
        let provenance = SeedAPI.get("/v1/claims/c01/provenance")
        #expect(claim.header("ETag") != provenance.header("ETag"))
    }
}
