/// A claim as a schema.org `Claim` (README, "Formats"; openapi.yaml, `SchemaOrgClaim`): its `text`; its `author`,
/// the chain's origin (the innermost source, who first said it): a `Person` or `Organization` node with a name when
/// the source is named, and only its descriptor when it is not; for a document, the document's issuer (when the
/// dataset names one) is the author and the document what the claim `isBasedOn`. `appearance` is the article it
/// occurs in; `about` what it is about. Nothing is inferred beyond the dataset.
final class ClaimDocument: LinkedDataDocuments {
    private let claims: ClaimTable
    private let entities: EntityDirectory

    init(claims: ClaimTable, entities: EntityDirectory) {
        self.claims = claims
        self.entities = entities
    }

    func document(_ ordinal: Int) -> JSON {
        let claim = claims[ordinal]
        let article = claims.articles[Int(claims.records[ordinal].article)]
        var members: [(String, JSON)] = [("@context", .string(SchemaOrgVocabulary.context)),
                                         ("@type", .string("Claim")),
                                         ("@id", .string(AnnotationVocabulary.claim(claim.id))),
                                         ("identifier", .string(claim.id)),
                                         ("text", .string(claim.text)),
                                         ("inLanguage", .string(article.language))]
        let origin = entity(claim.origin)
        if origin.kind == .document {
            if let issuer = origin.document?.issuer { members.append(("author", author(entity(issuer)))) }
            var document = SchemaOrgVocabulary.node(origin, as: "CreativeWork")
            if let date = origin.document?.date { document.append(("dateCreated", .string(date))) }
            members.append(("isBasedOn", .object(document)))
        } else {
            members.append(("author", author(origin)))
        }
        var appearance: [(String, JSON)] = [("@type", .string("NewsArticle")),
                                            ("@id", .string(AnnotationVocabulary.article(article.id))),
                                            ("headline", .string(article.headline))]
        if let url = article.url { appearance.append(("url", .string(url))) }
        members.append(("appearance", .object(appearance)))
        if !claim.about.isEmpty {
            members.append(("about", .array(claim.about.map { id in
                let subject = entity(id)
                return .object(SchemaOrgVocabulary.node(subject, as: subject.kind.schemaOrgThingType))
            })))
        }
        return .object(members)
    }

    /// A person's affiliation is schema.org's too (`Person.affiliation`): the organisation's node, by reference.
    private func author(_ source: Entity) -> JSON {
        var members = SchemaOrgVocabulary.node(source, as: source.kind.schemaOrgAgentType)
        if source.kind.schemaOrgAgentType == "Person", let affiliation = source.affiliation.map(entity) {
            members.append(("affiliation", .object([("@type", .string(affiliation.kind.schemaOrgAgentType)),
                                                    ("@id", .string(AnnotationVocabulary.entity(affiliation.id)))])))
        }
        return .object(members)
    }

    private func entity(_ id: String) -> Entity { entities[id] }
}
