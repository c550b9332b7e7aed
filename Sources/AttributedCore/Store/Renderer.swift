/// Renders records as the API shows them: the input fields in the format's order, then the computed ones.
struct Renderer {
    let articles: [Article]
    let entities: [Entity]
    let claims: [Claim]
    let claimFacts: [ClaimFacts]
    let entityFacts: [EntityFacts]
    let entityIndex: [String: Int]
    let claimsOfArticle: [[Int]]

    func article(_ ordinal: Int) -> JSON {
        let article = articles[ordinal]
        return .object([
            ("id", .string(article.id)),
            ("headline", .string(article.headline)),
            ("summary", .strings(article.summary)),
            ("body", .string(article.body)),
            ("publisher", .string(article.publisher)),
            ("authors", .strings(article.authors)),
            ("byline", .optional(article.byline)),
            ("published", .optional(article.published)),
            ("url", .optional(article.url)),
            ("language", .string(article.language)),
            ("claims", .strings(claimsOfArticle[ordinal].map { claims[$0].id })),
        ])
    }

    func entity(_ ordinal: Int) -> JSON {
        let entity = entities[ordinal]
        var members: [(String, JSON)] = [
            ("id", .string(entity.id)),
            ("kind", .string(entity.kind.rawValue)),
            ("name", .optional(entity.name)),
            ("descriptor", .optional(entity.descriptor)),
            ("aliases", .strings(entity.aliases)),
            ("anonymity", .string(entity.anonymity.rawValue)),
            ("anonymityReason", .optional(entity.anonymityReason)),
            ("affiliation", .optional(entity.affiliation)),
            ("roles", .strings(entity.roles)),
        ]
        if let document = entity.document {
            members += [
                ("issuer", .optional(document.issuer)),
                ("recipients", .strings(document.recipients)),
                ("date", .optional(document.date)),
            ]
        }
        members += [
            ("claimsAsSource", .int(entityFacts[ordinal].asSource.count)),
            ("claimsAsSubject", .int(entityFacts[ordinal].asSubject.count)),
        ]
        return .object(members)
    }

    func claim(_ ordinal: Int) -> JSON {
        let claim = claims[ordinal]
        return .object([
            ("id", .string(claim.id)),
            ("article", .string(claim.article)),
            ("span", span(claim.span)),
            ("text", .string(claim.text)),
            ("about", .strings(claim.about)),
            ("proposition", .string(claim.proposition)),
            ("chain", .array(claim.chain.map { link($0, source: .string($0.source), recipient: .optional($0.recipient)) })),
            ("depth", .int(claim.depth)),
            ("origin", .string(claim.origin)),
            ("weakestAnonymity", .string(claimFacts[ordinal].weakestAnonymity.rawValue)),
        ])
    }

    /// The chain from the publication down to the origin, each link with its entities inlined, plus every entity
    /// the response mentions, so that one request is enough to render the whole chain.
    func provenance(_ ordinal: Int, entityBodies: [[UInt8]]) -> JSON {
        let claim = claims[ordinal]
        func entityJSON(_ id: String) -> JSON { .raw(entityBodies[entityIndex[id]!]) }
        let chain = claim.chain.enumerated().map { position, link in
            [("position", JSON.int(position))]
                + self.linkMembers(link, source: entityJSON(link.source), recipient: link.recipient.map(entityJSON) ?? .null)
        }
        return .object([
            ("claim", self.claim(ordinal)),
            ("chain", .array(chain.map(JSON.object))),
            ("entities", .object(mentionedEntities(of: claim).map { ($0, entityJSON($0)) })),
        ])
    }

    func readiness(version: String, loadedAt: String) -> JSON {
        .object([
            ("status", .string("ready")),
            ("dataset", .object([
                ("version", .string(version)),
                ("articles", .int(articles.count)),
                ("entities", .int(entities.count)),
                ("claims", .int(claims.count)),
                ("loadedAt", .string(loadedAt)),
            ])),
        ])
    }

    /// The claim's subjects, the chain's sources and recipients, and the entities those point at, in id order.
    private func mentionedEntities(of claim: Claim) -> [String] {
        var ids = Set(claim.about)
        for link in claim.chain {
            ids.insert(link.source)
            if let recipient = link.recipient { ids.insert(recipient) }
        }
        for id in ids {
            let entity = entities[entityIndex[id]!]
            if let affiliation = entity.affiliation { ids.insert(affiliation) }
            if let document = entity.document {
                if let issuer = document.issuer { ids.insert(issuer) }
                ids.formUnion(document.recipients)
            }
        }
        return ids.sorted()
    }

    private func span(_ span: TextSpan) -> JSON {
        var members: [(String, JSON)] = [("field", .string(span.field.rawValue))]
        if let index = span.index { members.append(("index", .int(index))) }
        members += [
            ("start", .int(span.start)), ("end", .int(span.end)), ("exact", .string(span.exact)),
            ("prefix", .string(span.prefix)), ("suffix", .string(span.suffix)),
        ]
        return .object(members)
    }

    private func link(_ link: AttributionLink, source: JSON, recipient: JSON) -> JSON {
        .object(linkMembers(link, source: source, recipient: recipient))
    }

    private func linkMembers(_ link: AttributionLink, source: JSON, recipient: JSON) -> [(String, JSON)] {
        [
            ("source", source),
            ("cue", link.cue.map { .object([("text", .string($0.text)), ("start", .int($0.start)), ("end", .int($0.end))]) } ?? .null),
            ("mode", .string(link.mode.rawValue)),
            ("attributionType", .string(link.attributionType.rawValue)),
            ("factuality", .string(link.factuality.rawValue)),
            ("recipient", recipient),
            ("derivation", .optional(link.derivation?.rawValue)),
        ]
    }
}
