@testable import AttributedCore
import Foundation
import Testing

/// `format=prov`: the chain as W3C PROV-JSON (the `prov` package reads every seed claim's in Tests/Standards).
@Suite struct PROVDocumentTests {
    static func prov(_ claim: String) -> Response { SeedAPI.get("/v1/claims/\(claim)/provenance?format=prov") }

    static func qualifiedName(_ value: Any?) -> String? {
        guard let value = value as? [String: String], value["type"] == "xsd:QName" else { return nil }
        return value["$"]
    }

    @Test func c15IsThreeStatementsThreeAgentsAQuotationAndADerivation() throws {
        let response = Self.prov("c15")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        let document = response.object
        let agents = try #require(document["agent"] as? [String: [String: Any]])
        #expect(agents.mapValues { Self.qualifiedName($0["prov:type"]) } == [
            "entity:pakistan-today": "prov:Organization",
            "entity:crime-monitoring-cell": "prov:Organization",  // the letter's issuer
            "entity:letter-unspecified-reports": "prov:Agent",  // unspecified: an agent, no more
        ])
        #expect(agents["entity:pakistan-today"]?["prov:label"] as? String == "Pakistan Today")
        #expect(agents["entity:letter-unspecified-reports"]?["attr:anonymity"] as? String == "unspecified")

        let entities = try #require(document["entity"] as? [String: [String: Any]])
        #expect(Set(entities.keys) == ["claim:c15/chain/0", "entity:cmc-letter-2014-10", "claim:c15/chain/2"])
        #expect(Self.qualifiedName(entities["entity:cmc-letter-2014-10"]?["prov:type"]) == "attr:Document")
        #expect(entities["entity:cmc-letter-2014-10"]?["attr:cue"] as? String == "reads")
        #expect(entities["claim:c15/chain/2"]?["attr:factuality"] as? String == "CT+")
        #expect(entities["claim:c15/chain/0"]?["attr:start"] as? Int == 1310)
        #expect(Self.qualifiedName(entities["claim:c15/chain/0"]?["attr:article"]) == "article:is-emerging-in-karachi")

        let attributions = try #require(document["wasAttributedTo"] as? [String: [String: String]])
        #expect(attributions == [
            "_:id1": ["prov:entity": "claim:c15/chain/0", "prov:agent": "entity:pakistan-today"],
            "_:id2": ["prov:entity": "entity:cmc-letter-2014-10", "prov:agent": "entity:crime-monitoring-cell"],
            "_:id3": ["prov:entity": "claim:c15/chain/2", "prov:agent": "entity:letter-unspecified-reports"],
        ])
        let derivations = try #require(document["wasDerivedFrom"] as? [String: [String: Any]])
        #expect(derivations.count == 2)
        #expect(derivations["_:id4"]?["prov:generatedEntity"] as? String == "claim:c15/chain/0")
        #expect(derivations["_:id4"]?["prov:usedEntity"] as? String == "entity:cmc-letter-2014-10")
        #expect(Self.qualifiedName(derivations["_:id4"]?["prov:type"]) == "prov:Quotation")  // the letter, quoted
        #expect(derivations["_:id5"]?["prov:usedEntity"] as? String == "claim:c15/chain/2")
        #expect(derivations["_:id5"]?["prov:type"] == nil)  // the letter paraphrases the reports
    }

    @Test func sectionsComeInAFixedOrder() throws {
        let text = try #require(String(bytes: Self.prov("c15").bodyBytes, encoding: .utf8))
        // `{` after the key: the section, not the prefix named `entity`.
        let offsets = try ["\"prefix\":{", "\"agent\":{", "\"entity\":{", "\"wasAttributedTo\":{", "\"wasDerivedFrom\":{"].map {
            try #require(text.range(of: $0)).lowerBound
        }
        #expect(offsets == offsets.sorted())
        #expect(text.hasPrefix(#"{"prefix":{"attr":"urn:attributed:vocab:","#))
    }

    @Test func theSameBytesEveryTimeAndOnEveryLoad() throws {
        let reloaded = Store(try DatasetLoader.load(path: BundledResources.seedDatasetPath!))
        for number in 1...28 {
            let target = "/v1/claims/c\(number < 10 ? "0" : "")\(number)/provenance?format=prov"
            let first = SeedAPI.get(target)
            #expect(first.bodyBytes == SeedAPI.get(target).bodyBytes)
            let again = SeedAPI.get(target, store: reloaded)
            #expect(again.bodyBytes == first.bodyBytes)
            #expect(again.header("ETag") == first.header("ETag"))
        }
    }

    @Test(arguments: ["/v1/claims/c15", "/v1/claims/c15/provenance", "/v1/claims/c15/provenance?format=prov"])
    func everyClaimResponseLinksToItsProvenance(target: String) {
        #expect(SeedAPI.get(target).header("Link") == #"</v1/claims/c15/provenance>; rel="http://www.w3.org/ns/prov#has_provenance""#)
    }

    /// The hot path (a claim by id, whose finished response the server caches) does not build the `Link`: it is
    /// derived from the resource only when a body is built (`sentHeaders`).
    @Test func theLinkIsBuiltOnlyWithTheBody() {
        let claim = SeedAPI.get("/v1/claims/c15")
        #expect(!claim.headers.contains { $0.name == "Link" })
        #expect(claim.sentHeaders.filter { $0.name == "Link" }.count == 1)
        #expect(claim.sentHeaders.count == claim.headers.count + 1)
    }

    @Test func otherResourcesHaveNoProvenanceLink() {
        #expect(SeedAPI.get("/v1/entities/pakistan-today").header("Link") == nil)
        #expect(SeedAPI.get("/v1/claims/c15", ifNoneMatch: "*").header("Link") == nil)  // a 304 needs none
    }
}
