/// Strong ETags of every dataset resource, 8 bytes each, computed at load so that `If-None-Match` is answered
/// without rendering. A claim's, an entity's and an indicators body's tag is the hash of its body, rendered by the
/// code that serves it; a provenance chain's combines the tags of the claim and of every entity it inlines, all of
/// which determine its bytes. An article's combines its body's hash with the tags of its claims: its body names
/// them but does not hold them, and a write replaces an article with all its claims, so `If-Match` on an article
/// must fail when any of them changed (else one editor's claim correction is lost to another's stale copy).
struct ResourceETags: Sendable {
    let claims: [UInt64]
    let articles: [UInt64]
    let entities: [UInt64]
    private let provenance: [UInt64]
    private let indicators: IndicatorETags

    init(claims: [UInt64], articles: [UInt64], entities: [UInt64], provenance: [UInt64], indicators: IndicatorETags) {
        self.claims = claims
        self.articles = articles
        self.entities = entities
        self.provenance = provenance
        self.indicators = indicators
    }

    /// Starts fetching the tags a claim route derives its ETag from (`Store.prefetchClaim`).
    func prefetchClaim(_ ordinal: Int) {
        claims.prefetch(ordinal)
        provenance.prefetch(ordinal)
    }

    func claim(_ ordinal: Int) -> String { ETag.quoted(claims[ordinal]) }
    func article(_ ordinal: Int) -> String { ETag.quoted(articles[ordinal]) }
    func entity(_ ordinal: Int) -> String { ETag.quoted(entities[ordinal]) }
    func provenance(_ ordinal: Int) -> String { ETag.quoted(provenance[ordinal]) }
    /// A chain's PROV-JSON document is rendered from exactly what its JSON is (the claim and the entities that
    /// body inlines, a document's issuer among them), so its tag is derived from that one's: another tag for
    /// other bytes, and no second rendering of every chain at load.
    func provDocument(_ ordinal: Int) -> String {
        var hash = Hash64(seed: 0x7072_6f76_6a73_6f6e)  // "provjson"
        hash.combine(provenance[ordinal])
        return ETag.quoted(hash.value)
    }
    /// A claim's annotation and its schema.org `Claim` are rendered from the same as its chain (the claim and its
    /// sources) and from its article (its `url`, `headline`, `language`): their tags are derived from those two.
    func annotation(_ ordinal: Int, article: Int) -> String { ETag.quoted(annotationHash(ordinal, article: article)) }
    func schemaClaim(_ ordinal: Int, article: Int) -> String {
        ETag.quoted(derived(seed: 0x7364_6f63, provenance[ordinal], articles[article]))  // "sdoc"
    }
    /// An annotation's 8 bytes, which an annotation page's tag combines.
    func annotationHash(_ ordinal: Int, article: Int) -> UInt64 { derived(seed: 0x616e_6e6f, provenance[ordinal], articles[article]) }  // "anno"
    /// An article's `NewsArticle`: from the article and its publisher's and authors' entities.
    func schemaArticle(_ ordinal: Int, entities agents: [Int]) -> String {
        var hash = Hash64(seed: 0x7364_6f61)  // "sdoa"
        hash.combine(articles[ordinal])
        for agent in agents { hash.combine(entities[agent]) }
        return ETag.quoted(hash.value)
    }

    private func derived(seed: UInt64, _ first: UInt64, _ second: UInt64) -> UInt64 {
        var hash = Hash64(seed: seed)
        hash.combine(first)
        hash.combine(second)
        return hash.value
    }

    func articleIndicators(_ ordinal: Int) -> String { ETag.quoted(indicators.articles[ordinal]) }
    func publisherIndicators(_ position: Int) -> String { ETag.quoted(indicators.publishers[position]) }

    /// Each body rendered once into one reusable buffer, and hashed.
    static func hashes(count: Int, render: (Int, inout JSONOutput) -> Void) -> [UInt64] {
        hashes(0..<count, render: render)
    }

    /// The tags of the bodies `ordinals` (a part of them, so that several cores can share the work).
    static func hashes(_ ordinals: Range<Int>, render: (Int, inout JSONOutput) -> Void) -> [UInt64] {
        var output = JSONOutput(capacity: 1 << 16)
        return ordinals.map { ordinal in
            output.removeAll()
            render(ordinal, &output)
            return output.withBytes { ETag.hash(of: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Each article's tag: its body's hash, then its claims' tags in order.
    static func articleHashes(bodies: [UInt64], claims: [UInt64], claimsOfArticle: PostingLists) -> [UInt64] {
        bodies.indices.map { article in
            var hash = Hash64(seed: 0x6172_7463)  // "artc"
            hash.combine(bodies[article])
            for claim in claimsOfArticle[article] { hash.combine(claims[Int(claim)]) }
            return hash.value
        }
    }

    /// A chain's tag: its claim's and those of the entities it inlines.
    static func provenanceHashes(claims: [UInt64], entities: [UInt64], json: ProvenanceJSON) -> [UInt64] {
        let claimTable = json.claim.claims
        return claimTable.records.indices.map { ordinal in
            var hash = Hash64(seed: 0x7072_6f76)  // "prov": not the claim's own tag
            hash.combine(claims[ordinal])
            json.withMentionedEntities(of: claimTable.records[ordinal]) { mentioned in
                for entity in mentioned { hash.combine(entities[Int(entity)]) }
            }
            return hash.value
        }
    }
}

/// The tags of the indicators bodies: each article's and each publisher's.
struct IndicatorETags: Sendable {
    let articles: [UInt64]
    let publishers: [UInt64]

    init(_ indicators: SourcingIndicators) {
        articles = ResourceETags.hashes(count: indicators.articles.count) { IndicatorsJSON.write(indicators.articles[$0], into: &$1) }
        publishers = ResourceETags.hashes(count: indicators.publisherAggregates.count) {
            IndicatorsJSON.write(indicators.publisherAggregates[$0], into: &$1)
        }
    }
}
