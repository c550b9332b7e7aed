/// A claim's chain as a flat W3C PROV-JSON document (README, "Formats"; openapi.yaml, `ProvDocument`):
///
/// - each link's statement is an entity (`claim:c15/chain/0`), attributed (`wasAttributedTo`) to the link's
///   source, an agent typed `prov:Person`, `prov:Organization` or `prov:Agent`;
/// - a link whose source is a document: the document is the entity that stands for the statement, attributed
///   to its issuer when the dataset names one (a document is no agent);
/// - each statement `wasDerivedFrom` the next link's, typed `prov:Quotation` when the next link is relayed
///   verbatim (`derivation: quotation`), a plain derivation otherwise. `prov:PrimarySource` is never asserted:
///   the dataset does not say the newsroom itself saw an artefact.
///
/// Sections, records and attributes come in a fixed order (agents in chain order of first appearance, relations
/// numbered `_:id1`… attributions first), so the same chain is the same bytes every time.
final class PROVDocument: Sendable {
    private let claims: ClaimTable
    private let entities: EntityDirectory

    init(claims: ClaimTable, entities: EntityDirectory) {
        self.claims = claims
        self.entities = entities
    }

    func write(_ ordinal: Int, into out: inout JSONOutput) {
        out.json(document(for: claims[ordinal]))
    }

    func document(for claim: Claim) -> JSON {
        let sources = claim.chain.map { entities[$0.source] }
        let statements = statementIds(of: claim, sources: sources)
        var agents: [Entity] = []
        var statementRecords: [(String, JSON)] = []
        var attributions: [(String, JSON)] = []
        var derivations: [(String, JSON)] = []
        var relationCount = 0
        func nextRelationId() -> String {
            relationCount += 1
            return "_:id\(relationCount)"
        }

        for (position, link) in claim.chain.enumerated() {
            let source = sources[position]
            // A document is no agent: what it says is attributed to its issuer, when the dataset names one.
            let isDocument = source.kind == .document
            let agent = isDocument ? source.document?.issuer.map { entities[$0] } : source
            if let agent, !agents.contains(where: { $0.id == agent.id }) { agents.append(agent) }
            let standsForStatement = statements[position] == PROVVocabulary.entity(source.id)
            let ownAttributes = standsForStatement ? Self.documentAttributes(source)
                : [("prov:type", PROVVocabulary.qualifiedName("attr:Statement"))]
            statementRecords.append((statements[position], .object(ownAttributes + Self.statementAttributes(claim, link, position: position))))
            if let agent {
                attributions.append((nextRelationId(), .object([("prov:entity", .string(statements[position])),
                                                               ("prov:agent", .string(PROVVocabulary.entity(agent.id)))])))
            }
        }
        for position in claim.chain.indices.dropLast() {
            var members: [(String, JSON)] = [("prov:generatedEntity", .string(statements[position])),
                                             ("prov:usedEntity", .string(statements[position + 1]))]
            if claim.chain[position + 1].derivation == .quotation {
                members.append(("prov:type", PROVVocabulary.qualifiedName("prov:Quotation")))
            }
            derivations.append((nextRelationId(), .object(members)))
        }

        var sections: [(String, JSON)] = [("prefix", PROVVocabulary.prefixes),
                                          ("agent", .object(agents.map { (PROVVocabulary.entity($0.id), Self.agent($0)) })),
                                          ("entity", .object(statementRecords)),
                                          ("wasAttributedTo", .object(attributions))]
        if !derivations.isEmpty { sections.append(("wasDerivedFrom", .object(derivations))) }
        return .object(sections)
    }

    /// Each link's statement id: the document's own for a document's first link, else `claim:…/chain/N`.
    private func statementIds(of claim: Claim, sources: [Entity]) -> [String] {
        var documentsUsed: [String] = []
        return sources.enumerated().map { position, source in
            guard source.kind == .document, !documentsUsed.contains(source.id) else {
                return PROVVocabulary.statement(claim: claim.id, position: position)
            }
            documentsUsed.append(source.id)
            return PROVVocabulary.entity(source.id)
        }
    }

    private static func agent(_ entity: Entity) -> JSON {
        var members: [(String, JSON)] = [("prov:type", PROVVocabulary.qualifiedName(entity.kind.provAgentType))]
        if let name = entity.name { members.append(("prov:label", .string(name))) }
        members.append(("attr:kind", .string(entity.kind.rawValue)))
        members.append(("attr:anonymity", .string(entity.anonymity.rawValue)))
        if let descriptor = entity.descriptor { members.append(("attr:descriptor", .string(descriptor))) }
        if let reason = entity.anonymityReason { members.append(("attr:anonymityReason", .string(reason))) }
        if let affiliation = entity.affiliation {
            members.append(("attr:affiliation", PROVVocabulary.qualifiedName(PROVVocabulary.entity(affiliation))))
        }
        return .object(members)
    }

    private static func documentAttributes(_ document: Entity) -> [(String, JSON)] {
        var members: [(String, JSON)] = [("prov:type", PROVVocabulary.qualifiedName("attr:Document"))]
        if let name = document.name { members.append(("prov:label", .string(name))) }
        if let descriptor = document.descriptor { members.append(("attr:descriptor", .string(descriptor))) }
        if let date = document.document?.date { members.append(("attr:date", .string(date))) }
        members.append(("attr:anonymity", .string(document.anonymity.rawValue)))
        return members
    }

    /// What the link says and how: the claim's text, the link's position, mode, type and factuality, its cue
    /// (text and scalar offsets in the claim's field), its recipient; on the publication's link, where the claim
    /// is in the article (the span's covering selectors).
    private static func statementAttributes(_ claim: Claim, _ link: AttributionLink, position: Int) -> [(String, JSON)] {
        var members: [(String, JSON)] = [("prov:value", .string(claim.text)),
                                         ("attr:claim", PROVVocabulary.qualifiedName(PROVVocabulary.claim(claim.id))),
                                         ("attr:position", .int(position)),
                                         ("attr:mode", .string(link.mode.rawValue)),
                                         ("attr:attributionType", .string(link.attributionType.rawValue)),
                                         ("attr:factuality", .string(link.factuality.rawValue))]
        if let cue = link.cue {
            members += [("attr:cue", .string(cue.text)), ("attr:cueStart", .int(cue.start)), ("attr:cueEnd", .int(cue.end))]
        }
        if let recipient = link.recipient {
            members.append(("attr:recipient", PROVVocabulary.qualifiedName(PROVVocabulary.entity(recipient))))
        }
        if position == 0 {
            members += [("attr:article", PROVVocabulary.qualifiedName(PROVVocabulary.article(claim.article))),
                        ("attr:field", .string(claim.span.field.rawValue))]
            if let index = claim.span.index { members.append(("attr:summaryIndex", .int(index))) }
            members += [("attr:start", .int(claim.span.start)), ("attr:end", .int(claim.span.end)),
                        ("attr:exact", .string(claim.span.exact))]
        }
        return members
    }
}
