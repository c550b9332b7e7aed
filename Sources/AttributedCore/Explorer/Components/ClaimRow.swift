/// A claim in a list (search results, an entity's claims): its words, where it stands, and how it is sourced.
enum ClaimRow {
    static func write(_ ordinal: Int, in store: Store, note: String? = nil, into out: inout HTMLOutput) {
        let claim = store.claims[ordinal]
        let record = store.claims.records[ordinal]
        let article = store.articles[Int(record.article)]
        out.raw(#"<li class="claim-row">"#)
        out.raw(#"<p class="claim-text">"#)
        out.link(ExplorerPaths.claim(claim.id), claim.text)
        out.raw("</p><p class=\"claim-meta\">")
        AnonymityBadge.write(record.weakestAnonymity, into: &out)
        out.text(" \(counted(claim.depth, "link")), from ")
        EntityLookup(store: store).writeLink(claim.origin, into: &out)
        out.text(" · in ")
        out.link(ExplorerPaths.claimInArticle(article: article.id, claim: claim.id), article.headline)
        if let note {
            out.text(" · " + note)
        }
        out.raw("</p></li>")
    }
}
