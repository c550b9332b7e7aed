/// `/explore/entities/{id}`: who or what an entity is, its indicators when it publishes, and its claims (as a
/// source on the chain or as a subject), a page at a time.
struct EntityPage {
    let store: Store
    let ordinal: Int
    let page: Page
    let request: Request

    func render() -> [UInt8] {
        let entity = store.entities[ordinal]
        let entities = EntityLookup(store: store)
        return PageLayout.render(title: entity.label) { out in
            out.raw("<h1>")
            out.text(entity.label)
            out.raw("</h1><p class=\"claim-meta\">")
            AnonymityBadge.write(entity.anonymity, into: &out)
            out.text(" " + entity.kind.displayName)
            out.raw("</p><dl class=\"facts\">")
            optionalFact("Name", entity.name, into: &out)
            optionalFact("Described as", entity.descriptor, into: &out)
            if !entity.aliases.isEmpty { out.definition("Also called", entity.aliases.joined(separator: ", ")) }
            optionalFact("Reason given for anonymity", entity.anonymityReason, into: &out)
            if !entity.roles.isEmpty { out.definition("Roles", entity.roles.joined(separator: ", ")) }
            if let affiliation = entity.affiliation { linkFact("Affiliation", [affiliation], entities: entities, into: &out) }
            if let document = entity.document {
                if let issuer = document.issuer { linkFact("Issued by", [issuer], entities: entities, into: &out) }
                if !document.recipients.isEmpty { linkFact("Addressed to", document.recipients, entities: entities, into: &out) }
                optionalFact("Dated", document.date, into: &out)
            }
            out.raw("</dl><p class=\"json\">As JSON: ")
            out.link(ExplorerPaths.apiEntity(entity.id), ExplorerPaths.apiEntity(entity.id))
            out.raw("</p>")
            if let position = store.indicators.publisherPosition(of: ordinal) {
                let aggregate = store.indicators.publisherAggregates[position]
                IndicatorPanel.write(aggregate.counts, articles: aggregate.articles,
                                     json: ListResponse.url(path: "/v1/indicators", query: [QueryItem("publisher", entity.id)]),
                                     into: &out)
            }
            out.raw("<h2>Claims</h2>")
            PagedList.write(page, request: request, listClass: "claims", empty: "No claim has this entity as a source or a subject.",
                            into: &out) { claimOrdinal, out in
                ClaimRow.write(claimOrdinal, in: store, note: role(in: store.claims[claimOrdinal], of: entity.id), into: &out)
            }
        }
    }

    /// "source at link 2", "subject", or both.
    private func role(in claim: Claim, of id: String) -> String {
        var roles = claim.chain.indices.filter { claim.chain[$0].source == id }.map { "source at link \($0)" }
        if claim.about.contains(id) { roles.append("subject") }
        return roles.joined(separator: ", ")
    }

    private func optionalFact(_ term: String, _ value: String?, into out: inout HTMLOutput) {
        if let value { out.definition(term, value) }
    }

    private func linkFact(_ term: String, _ ids: [String], entities: EntityLookup, into out: inout HTMLOutput) {
        out.raw("<dt>")
        out.text(term)
        out.raw("</dt><dd>")
        for (index, id) in ids.enumerated() {
            if index > 0 { out.text(", ") }
            entities.writeLink(id, into: &out)
        }
        out.raw("</dd>")
    }
}
