/// PROV-AQ (W3C Note, 2013) §3.1: a resource advertises where its provenance is with a `Link` whose relation is
/// `prov:has_provenance`; the context is the requested resource itself (RFC 8288 §3.2), so no `anchor` is needed.
enum ProvenanceLink {
    /// `claimId`: the id's UTF-8 bytes.
    static func header(claimId: UnsafeBufferPointer<UInt8>) -> HTTPHeader {
        // The relation's IRI is spelled out in the literal: a StaticString cannot be interpolated.
        HTTPHeader("Link", percentEncoded(utf8: claimId, between: "</v1/claims/",
                                          and: "/provenance>; rel=\"http://www.w3.org/ns/prov#has_provenance\""))
    }

    /// The article's history as PROV-JSON, anchored at the article (`article:` in every PROV document here).
    static func history(article: String) -> HTTPHeader {
        var article = article
        // Built in one pass: this goes out with every provenance response, where an interpolation cost ~10,000
        // instructions of its ~65,000.
        return article.withUTF8 {
            HTTPHeader("Link", percentEncoded(utf8: $0, twiceAmong: "</v1/articles/", "/revisions?format=prov>; rel=\"http://www.w3.org/ns/prov#has_provenance\"; anchor=\"urn:attributed:article:", "\""))
        }
    }
}

extension Store {
    /// Headers that depend on the resource, built with its body only (`Response.sentHeaders`): every claim
    /// response, its provenance included, links to that provenance.
    func derivedHeaders(_ key: ResourceKey) -> [HTTPHeader] {
        switch key.kind {
        case .claim, .annotation, .schemaClaim:
            [claims.strings.withBytes(claims.records[Int(key.ordinal)].id) { ProvenanceLink.header(claimId: $0) }]
        case .provenance, .provDocument:
            // A chain's provenance document also leads to the provenance of the record itself: who wrote its article.
            [claims.strings.withBytes(claims.records[Int(key.ordinal)].id) { ProvenanceLink.header(claimId: $0) },
             ProvenanceLink.history(article: claims.articles[Int(claims.records[Int(key.ordinal)].article)].id)]
        case .article, .entity, .articleIndicators, .publisherIndicators, .schemaArticle: []
        }
    }
}
