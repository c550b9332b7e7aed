/// PROV-AQ (W3C Note, 2013) §3.1: a resource advertises where its provenance is with a `Link` whose relation is
/// `prov:has_provenance`; the context is the requested resource itself (RFC 8288 §3.2), so no `anchor` is needed.
enum ProvenanceLink {
    /// `claimId`: the id's UTF-8 bytes.
    static func header(claimId: UnsafeBufferPointer<UInt8>) -> HTTPHeader {
        // The relation's IRI is spelled out in the literal: a StaticString cannot be interpolated.
        HTTPHeader("Link", percentEncoded(utf8: claimId, between: "</v1/claims/",
                                          and: "/provenance>; rel=\"http://www.w3.org/ns/prov#has_provenance\""))
    }
}

extension Store {
    /// Headers that depend on the resource, built with its body only (`Response.sentHeaders`): every claim
    /// response, its provenance included, links to that provenance.
    func derivedHeaders(_ key: ResourceKey) -> [HTTPHeader] {
        switch key.kind {
        case .claim, .provenance, .provDocument, .annotation, .schemaClaim:
            [claims.strings.withBytes(claims.records[Int(key.ordinal)].id) { ProvenanceLink.header(claimId: $0) }]
        case .article, .entity, .articleIndicators, .publisherIndicators, .schemaArticle: []
        }
    }
}
