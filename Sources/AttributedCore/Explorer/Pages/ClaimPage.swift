/// `/explore/claims/{id}`: one claim, in its article's words with its cues marked, and its chain drawn and tabled.
/// It works without the script.
struct ClaimPage {
    let store: Store
    let ordinal: Int

    func render() -> [UInt8] {
        let claim = store.claims[ordinal]
        let record = store.claims.records[ordinal]
        let article = store.articles[Int(record.article)]
        let entities = EntityLookup(store: store)
        let field = article.text(of: claim.span.field, index: claim.span.index) ?? ""
        let excerpt = Excerpt(of: Highlight(claim, weakestAnonymity: record.weakestAnonymity), in: field)
        return PageLayout.render(title: "Claim \(claim.id)") { out in
            out.raw("<h1>")
            out.text("Claim \(claim.id)")
            out.raw("</h1><p class=\"claim-text lead\">")
            out.text(claim.text)
            out.raw("</p><p class=\"claim-meta\">")
            AnonymityBadge.write(record.weakestAnonymity, into: &out)
            out.text(" weakest source · \(counted(claim.depth, "link")) · origin ")
            entities.writeLink(claim.origin, into: &out)
            out.text(" · in ")
            out.link(ExplorerPaths.claimInArticle(article: article.id, claim: claim.id), article.headline)
            out.raw("</p><section><h2>In the article’s words</h2><blockquote class=\"field excerpt\"")
            out.attribute("lang", article.language)
            out.raw(">")
            excerpt.write(into: &out)
            out.raw("</blockquote></section><div class=\"claim-chain\"><section><h2>Chain, from the publication to the origin</h2>")
            ChainGraph.write(claim, entities: entities, into: &out)
            out.raw("</section><section><h2>Links</h2>")
            ChainTable.write(claim, entities: entities, into: &out)
            out.raw("</section></div><section><h2>Details</h2><dl class=\"facts\">")
            out.definition("Where", "\(claim.span.field.displayName)\(claim.span.index.map { " bullet \($0 + 1)" } ?? ""), "
                + "characters \(claim.span.start)–\(claim.span.end)")
            out.definition("Proposition", claim.proposition)
            out.raw("<dt>About</dt><dd>")
            if claim.about.isEmpty { out.text("—") }
            for (index, subject) in claim.about.enumerated() {
                if index > 0 { out.text(", ") }
                entities.writeLink(subject, into: &out)
            }
            out.raw("</dd></dl><p class=\"json\">As JSON: ")
            out.link(ExplorerPaths.apiClaim(claim.id), "the claim")
            out.text(", ")
            out.link(ExplorerPaths.apiProvenance(claim.id), "its provenance")
            out.raw("</p></section>")
        }
    }
}
