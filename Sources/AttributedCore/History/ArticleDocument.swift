/// An article's canonical dataset document, as a revision keeps it: the article, every claim of its (in id order),
/// and every entity it names (publisher, authors, each chain's sources and recipients, claims' subjects), so that
/// the document alone loads, and an entity change shows in the documents of the articles citing it.
enum ArticleDocument {
    static func bytes(of article: Int, in store: Store) -> [UInt8] {
        let claims = claimOrdinals(of: article, in: store)
        return CanonicalDocument.write(notes: nil, articles: [CanonicalRecords.article(store.articles[article])],
                                       entities: entityOrdinals(of: article, claims: claims, in: store)
                                           .map { CanonicalRecords.entity(store.entities[$0]) },
                                       claims: claims.map { CanonicalRecords.claim(store.claims[$0]) })
    }

    /// Each claim's canonical JSON by id: what a revision's diff compares.
    static func claimBytes(of article: Int, in store: Store) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: claimOrdinals(of: article, in: store).map {
            (store.claims.id(of: $0), CanonicalRecords.claim(store.claims[$0]).bytes)
        })
    }

    /// The articles whose documents name any of `entities`, in id order: one pass over the claims' compact records.
    static func articlesCiting(_ entities: [String], in store: Store) -> [Int] {
        let wanted = Set(entities.compactMap { store.entityIndex[$0] }.map(UInt32.init))
        guard !wanted.isEmpty else { return [] }
        var citing = Set<Int>()
        for (ordinal, article) in store.articles.enumerated()
        where ([article.publisher] + article.authors).contains(where: { store.entityIndex[$0].map { wanted.contains(UInt32($0)) } ?? false }) {
            citing.insert(ordinal)
        }
        let table = store.claims
        for record in table.records where !citing.contains(Int(record.article)) {
            if table.chain(of: record).contains(where: { wanted.contains($0.source) || wanted.contains($0.recipient) })
                || table.subjectOrdinals(of: record).contains(where: wanted.contains) {
                citing.insert(Int(record.article))
            }
        }
        return citing.sorted()
    }

    private static func claimOrdinals(of article: Int, in store: Store) -> [Int] {
        store.filters.claimsOfArticle[article].map { Int($0) }
    }

    private static func entityOrdinals(of article: Int, claims: [Int], in store: Store) -> [Int] {
        var ordinals = Set(([store.articles[article].publisher] + store.articles[article].authors).compactMap { store.entityIndex[$0] })
        let table = store.claims
        for claim in claims {
            let record = table.records[claim]
            for link in table.chain(of: record) {
                ordinals.insert(Int(link.source))
                if link.recipient != LinkRecord.noEntity { ordinals.insert(Int(link.recipient)) }
            }
            for subject in table.subjectOrdinals(of: record) { ordinals.insert(Int(subject)) }
        }
        return ordinals.sorted()  // entities are sorted by id, so this is id order
    }
}
