@testable import AttributedCore
import Foundation
import Testing

/// A chain's `entities` side-load every entity the response mentions (subjects, sources, recipients, and what
/// those point at: affiliation, a document's issuer and recipients), each once, in id order: gathered on the stack
/// per request (`withMentionedEntities`), and the provenance ETag is derived from the same list.
@Suite struct ProvenanceEntitiesTests {
    static func entity(_ id: String) -> [String: Any] { SeedAPI.get("/v1/entities/\(id)").object }

    /// What an entity points at, read from its own resource.
    static func related(_ id: String) -> [String] {
        let entity = entity(id)
        var ids = (entity["affiliation"] as? String).map { [$0] } ?? []
        if let issuer = entity["issuer"] as? String { ids.append(issuer) }
        ids += entity["recipients"] as? [String] ?? []
        return ids
    }

    @Test func everySeedChainSideLoadsExactlyTheEntitiesItMentions() throws {
        let store = SeedAPI.store
        for ordinal in store.claims.indices {
            let id = store.claims.id(of: ordinal)
            let provenance = SeedAPI.get("/v1/claims/\(id)/provenance").object
            let claim = try #require(provenance["claim"] as? [String: Any])
            let chain = try #require(claim["chain"] as? [[String: Any]])
            var direct = claim["about"] as? [String] ?? []
            for link in chain {
                direct.append(try #require(link["source"] as? String))
                if let recipient = link["recipient"] as? String { direct.append(recipient) }
            }
            let expected = Set(direct + direct.flatMap(Self.related))
            let entities = try #require(provenance["entities"] as? [String: Any])
            #expect(Set(entities.keys) == expected, "\(id)")

            // Each once and ascending: ordinals are in id order, so the body's keys come out sorted.
            let ordinals = store.provenanceJSON.withMentionedEntities(of: store.claims.records[ordinal]) { Array($0) }
            #expect(ordinals == ordinals.sorted() && Set(ordinals).count == ordinals.count, "\(id)")
            #expect(ordinals.count == expected.count, "\(id)")
        }
    }

    @Test func theBodyListsTheEntitiesInIdOrder() throws {
        let body = String(decoding: SeedAPI.get("/v1/claims/c15/provenance").bodyBytes, as: UTF8.self)
        let entities = try #require(body.range(of: #","entities":{"#))
        let keys = body[entities.upperBound...].components(separatedBy: #"":{"id":""#).dropLast().map { $0.split(separator: "\"").last.map(String.init) ?? "" }
        #expect(keys.count >= 4)
        #expect(keys == keys.sorted())
    }
}
