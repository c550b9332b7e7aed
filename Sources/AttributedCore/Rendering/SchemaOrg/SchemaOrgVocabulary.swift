/// schema.org JSON-LD as this server writes it: `"@context": "https://schema.org"` (what search engines and
/// fact-check tools read), `@type` a schema.org class, and only schema.org properties, each written only when the
/// dataset holds its value. Ids are the API's own URLs, relative, like the annotations' (AnnotationVocabulary).
enum SchemaOrgVocabulary {
    static let context = "https://schema.org"

    /// An entity as a node: its class, its API URL, its name when it has one, its descriptor as `description`
    /// (an anonymous source has only that: "a Karachi police inspector").
    static func node(_ entity: Entity, as type: String) -> [(String, JSON)] {
        var members: [(String, JSON)] = [("@type", .string(type)), ("@id", .string(AnnotationVocabulary.entity(entity.id)))]
        if let name = entity.name { members.append(("name", .string(name))) }
        if let descriptor = entity.descriptor { members.append(("description", .string(descriptor))) }
        return members
    }
}

extension EntityKind {
    /// The class of a source that is an `author` (whose range is `Person` or `Organization`): a publication is a
    /// `NewsMediaOrganization`; a group acts as an `Organization`. An anonymous or unspecified source is a
    /// `Person`, the claimant schema.org's fact-check markup assumes: the dataset cannot tell, and the node says no
    /// more than its descriptor.
    var schemaOrgAgentType: String {
        switch self {
        case .person, .anonymous, .unspecified: "Person"
        case .organization, .group: "Organization"
        case .publication: "NewsMediaOrganization"
        case .place: "Place"
        case .document: "CreativeWork"
        }
    }

    /// The class of what a claim is `about`: as an author, except that a place is a `Place` and what the dataset
    /// cannot type is a `Thing`.
    var schemaOrgThingType: String {
        switch self {
        case .anonymous, .unspecified: "Thing"
        default: schemaOrgAgentType
        }
    }
}
