/// Strong ETags of every dataset resource, 8 bytes each, computed at load so that `If-None-Match` is answered
/// without rendering. A claim's, an article's and an entity's tag is the hash of its body, rendered by the code that
/// serves it; a provenance chain's combines the tags of the claim and of every entity it inlines, all of which
/// determine its bytes.
struct ResourceETags: Sendable {
    let claims: [UInt64]
    let articles: [UInt64]
    let entities: [UInt64]
    private let provenance: [UInt64]

    init(claims: [UInt64], articles: [UInt64], entityBodies: EntityBodies, entityCount: Int, provenance json: ProvenanceJSON) {
        self.claims = claims
        self.articles = articles
        entities = (0..<entityCount).map { ETag.hash(of: entityBodies.body($0)) }
        let entities = self.entities
        let claimTable = json.claim.claims
        provenance = claimTable.records.indices.map { ordinal in
            var hash = Hash64(seed: 0x7072_6f76)  // "prov": not the claim's own tag
            hash.combine(claims[ordinal])
            for entity in json.mentionedEntities(of: claimTable.records[ordinal]) { hash.combine(entities[Int(entity)]) }
            return hash.value
        }
    }

    func claim(_ ordinal: Int) -> String { ETag.quoted(claims[ordinal]) }
    func article(_ ordinal: Int) -> String { ETag.quoted(articles[ordinal]) }
    func entity(_ ordinal: Int) -> String { ETag.quoted(entities[ordinal]) }
    func provenance(_ ordinal: Int) -> String { ETag.quoted(provenance[ordinal]) }

    /// Each body rendered once into one reusable buffer, and hashed.
    static func hashes(count: Int, render: (Int, inout JSONOutput) -> Void) -> [UInt64] {
        var output = JSONOutput(capacity: 1 << 16)
        return (0..<count).map { ordinal in
            output.bytes.removeAll(keepingCapacity: true)
            render(ordinal, &output)
            return ETag.hash(of: output.bytes)
        }
    }
}
