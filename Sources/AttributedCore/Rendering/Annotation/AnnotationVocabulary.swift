/// The names a Web Annotation of this server uses. The model's own terms come from its context
/// (`http://www.w3.org/ns/anno.jsonld`, the document's one `@context`, a string as the model requires of a single
/// value); what it has no term for (a link's cue, mode, factuality, the chain itself) is in the server's private
/// vocabulary, `attr:`, declared by a context embedded in the resource that uses it (Vocabulary §4, example 104),
/// so a JSON-LD processor drops none of it.
///
/// Ids are references relative to the server (`/v1/claims/c15`): JSON-LD resolves them against the URL the
/// document was fetched from, and the bytes (and strong ETag) do not depend on the `Host` they were asked under.
enum AnnotationVocabulary {
    static let context = "http://www.w3.org/ns/anno.jsonld"
    /// The same URN namespace as the PROV documents' `attr:` (PROVVocabulary).
    static let privateNamespace = "urn:attributed:vocab:"
    static let extensionContext = JSON.object([("attr", .string(privateNamespace))])

    /// LDP's container type: the anno context has no term for it, so it is written as its IRI.
    static let basicContainer = "http://www.w3.org/ns/ldp#BasicContainer"
    /// Web Annotation Protocol §4.1: the constraints an annotation container imposes.
    static let constraints = "http://www.w3.org/TR/annotation-protocol/"

    static func claim(_ id: String) -> String { "/v1/claims/\(percentEncoded(id))" }
    static func article(_ id: String) -> String { "/v1/articles/\(percentEncoded(id))" }
    static func entity(_ id: String) -> String { "/v1/entities/\(percentEncoded(id))" }
    static func container(article id: String) -> String { "/v1/articles/\(percentEncoded(id))/annotations" }
}

extension EntityKind {
    /// A source's `type` in an annotation: the anno context's `Person` and `Organization` (FOAF's), FOAF's `Agent`
    /// for a source that is neither or cannot be told, DCMI's `Text` for a document.
    var annotationType: String {
        switch self {
        case .person: "Person"
        case .organization, .publication: "Organization"
        case .group, .anonymous, .unspecified: "foaf:Agent"
        case .document: "dctypes:Text"
        case .place: "schema:Place"
        }
    }
}
