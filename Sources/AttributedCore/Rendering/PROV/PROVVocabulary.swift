/// The names a PROV-JSON document of this server uses. PROV's own terms (`prov:`, `xsd:`) are predefined in
/// PROV-JSON and need no prefix; everything PROV has no term for (cue, mode, factuality, anonymity, the span's
/// selectors) is in the server's private vocabulary, `attr:`. Every namespace is a fixed URN, not the server's URL,
/// so that a document's bytes (and its strong ETag) do not depend on the `Host` it was asked under.
enum PROVVocabulary {
    static let prefixes = JSON.object([
        ("attr", .string("urn:attributed:vocab:")),
        ("article", .string("urn:attributed:article:")),
        ("claim", .string("urn:attributed:claim:")),
        ("entity", .string("urn:attributed:entity:")),
    ])

    static func entity(_ id: String) -> String { "entity:\(id)" }
    static func article(_ id: String) -> String { "article:\(id)" }
    static func claim(_ id: String) -> String { "claim:\(id)" }
    /// The statement a link makes, when no document stands for it: `claim:c15/chain/2`, after the API's
    /// `chain` array.
    static func statement(claim id: String, position: Int) -> String { "claim:\(id)/chain/\(position)" }

    /// `{"$":"prov:Person","type":"xsd:QName"}`: PROV-DM §5.7.2.4 wants `prov:type` values as QNames (a plain
    /// string `"prov:Person"` would be a string, not the predefined type).
    static func qualifiedName(_ name: String) -> JSON {
        .object([("$", .string(name)), ("type", .string("xsd:QName"))])
    }
}

extension EntityKind {
    /// PROV-DM §5.3.1's agent subtypes: a person, an organisation (a publication is one), and `prov:Agent` for
    /// what is neither or cannot be told (an anonymous or unspecified source, a group, a place).
    var provAgentType: String {
        switch self {
        case .person: "prov:Person"
        case .organization, .publication: "prov:Organization"
        case .place, .document, .group, .anonymous, .unspecified: "prov:Agent"
        }
    }
}
