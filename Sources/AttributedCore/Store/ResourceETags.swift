/// Strong ETags of every dataset resource, 8 bytes each, computed at load so that `If-None-Match` is answered
/// without rendering. A claim's and an article's tag is the hash of its rendered body; a provenance chain's
/// combines the tags of the claim and of every entity it inlines, all of which determine its bytes.
struct ResourceETags: Sendable {
    let claims: [UInt64]
    let articles: [UInt64]
    let entities: [UInt64]
    private let provenance: [UInt64]

    init(claims: [UInt64], articles: [UInt64], entityBodies: EntityBodies, entityCount: Int, provenance json: ProvenanceJSON) {
        self.claims = claims
        self.articles = articles
        entities = (0..<entityCount).map { Self.hash(entityBodies.body($0)) }
        let entities = self.entities
        let claimTable = json.claim.claims
        provenance = claimTable.records.indices.map { ordinal in
            var hash = Hash64(seed: 0x7072_6f76)  // "prov": not the claim's own tag
            hash.combine(claims[ordinal])
            for entity in json.mentionedEntities(of: claimTable.records[ordinal]) { hash.combine(entities[Int(entity)]) }
            return hash.value
        }
    }

    func claim(_ ordinal: Int) -> String { Self.quoted(claims[ordinal]) }
    func article(_ ordinal: Int) -> String { Self.quoted(articles[ordinal]) }
    func entity(_ ordinal: Int) -> String { Self.quoted(entities[ordinal]) }
    func provenance(_ ordinal: Int) -> String { Self.quoted(provenance[ordinal]) }

    static func claims(_ json: ClaimJSON) -> [UInt64] {
        var output = JSONOutput(capacity: 4096)
        return json.claims.indices.map { ordinal in
            output.bytes.removeAll(keepingCapacity: true)
            json.write(ordinal, into: &output)
            return hash(output.bytes)
        }
    }

    static func articles(_ articles: [Article], claims: ClaimTable) -> [UInt64] {
        // Claim ids per article, in id order, without the posting lists (built meanwhile on the other core).
        var claimIds = [[String]](repeating: [], count: articles.count)
        for ordinal in claims.indices { claimIds[Int(claims.records[ordinal].article)].append(claims.id(of: ordinal)) }
        var output = JSONOutput(capacity: 1 << 16)
        return articles.indices.map { ordinal in
            output.bytes.removeAll(keepingCapacity: true)
            ArticleJSON.write(articles[ordinal], claimIds: claimIds[ordinal], into: &output)
            return hash(output.bytes)
        }
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash = Hash64()
        hash.combine(bytes)
        return hash.value
    }

    /// `"` + 16 hex digits + `"`, written straight into the string's storage: this runs on every request.
    static func quoted(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 18) { buffer in
            let digits: StaticString = "0123456789abcdef"
            buffer[0] = UInt8(ascii: "\"")
            for index in 0..<16 {
                buffer[1 + index] = digits.utf8Start[Int(value >> (60 - 4 * UInt64(index)) & 0xF)]
            }
            buffer[17] = UInt8(ascii: "\"")
            return 18
        }
    }
}
