/// PROV-AQ (W3C Note, 2013) §3.1: a resource advertises where its provenance is with a `Link` whose relation is
/// `prov:has_provenance`; the context is the requested resource itself (RFC 8288 §3.2), so no `anchor` is needed.
enum ProvenanceLink {
    static func header(claimId: String) -> HTTPHeader {
        // The relation's IRI is spelled out in the literal: a StaticString cannot be interpolated.
        HTTPHeader("Link", percentEncoded(claimId, between: "</v1/claims/",
                                          and: "/provenance>; rel=\"http://www.w3.org/ns/prov#has_provenance\""))
    }
}

extension Store {
    /// Headers that depend on the resource, built with its body only (`Response.sentHeaders`): every claim
    /// response, its provenance included, links to that provenance.
    func derivedHeaders(_ key: ResourceKey) -> [HTTPHeader] {
        switch key.kind {
        case .claim, .provenance, .provDocument, .annotation, .schemaClaim:
            [ProvenanceLink.header(claimId: claims.id(of: Int(key.ordinal)))]
        case .article, .entity, .articleIndicators, .publisherIndicators, .schemaArticle: []
        }
    }
}
