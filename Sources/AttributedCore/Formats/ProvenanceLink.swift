/// PROV-AQ (W3C Note, 2013) §3.1: a resource advertises where its provenance is with a `Link` whose relation is
/// `prov:has_provenance`; the context is the requested resource itself (RFC 8288 §3.2), so no `anchor` is needed.
enum ProvenanceLink {
    static let relation = "http://www.w3.org/ns/prov#has_provenance"

    static func header(claimId: String) -> HTTPHeader {
        HTTPHeader("Link", "</v1/claims/\(percentEncoded(claimId))/provenance>; rel=\"\(relation)\"")
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
