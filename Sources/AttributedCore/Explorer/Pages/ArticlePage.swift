/// `/explore/articles/{id}`: the headline, summary and body with every claim's span highlighted, the legend, the
/// indicators, and each claim's chain drawn beside the text. The chains are all in the page, hidden; the script
/// shows the one of the highlight selected. Without the script the claim list links to each claim's own page.
struct ArticlePage {
    let store: Store
    let ordinal: Int

    func render() -> [UInt8] {
        let article = store.articles[ordinal]
        let claimOrdinals = store.filters.claimsOfArticle[ordinal].map(Int.init)
        let claims = claimOrdinals.map { store.claims[$0] }
        let highlights = zip(claims, claimOrdinals).map { claim, ordinal in
            (claim: claim, highlight: Highlight(claim, weakestAnonymity: store.claims.records[ordinal].weakestAnonymity))
        }
        func fieldHighlights(_ field: ArticleField, _ index: Int? = nil) -> [Highlight] {
            highlights.filter { Highlight.isIn($0.claim, field: field, index: index) }.map(\.highlight)
        }
        let entities = EntityLookup(store: store)
        return PageLayout.render(title: article.headline) { out in
            out.raw(#"<div class="article-view"><article class="text""#)
            out.attribute("lang", article.language)
            out.raw(#"><p class="byline">"#)
            entities.writeLink(article.publisher, into: &out)
            out.text(" · " + (article.published ?? "undated"))
            if let byline = article.byline { out.text(" · " + byline) }
            // The format admits only http(s) URLs; checked again, since an href is where `javascript:` would run.
            if let url = article.url, url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://") {
                out.text(" · ")
                out.raw("<a")
                out.attribute("href", url)
                out.raw(#" rel="noopener noreferrer nofollow">original</a>"#)
            }
            out.raw(#"</p><h1 class="field field-headline">"#)
            TextHighlighter.write(article.headline, highlights: fieldHighlights(.headline), into: &out)
            out.raw("</h1>")
            let summary = article.summary  // a copy per call
            if !summary.isEmpty {
                out.raw(#"<ul class="field-summary">"#)
                for (index, bullet) in summary.enumerated() {
                    out.raw(#"<li class="field">"#)
                    TextHighlighter.write(bullet, highlights: fieldHighlights(.summary, index), into: &out)
                    out.raw("</li>")
                }
                out.raw("</ul>")
            }
            out.raw(#"<div class="field field-body">"#)
            TextHighlighter.write(article.body, highlights: fieldHighlights(.body), into: &out)
            out.raw("</div>")
            writeClaimList(claims, article: article, into: &out)
            out.raw(#"</article><aside class="panel">"#)
            writeChains(claims, entities: entities, into: &out)
            Legend.write(into: &out)
            IndicatorPanel.write(store.indicators.articles[ordinal], json: ExplorerPaths.apiIndicators(article.id), into: &out)
            out.raw("<p class=\"json\">The article as JSON: ")
            out.link(ExplorerPaths.apiArticle(article.id), ExplorerPaths.apiArticle(article.id))
            out.raw("</p></aside></div>")
        }
    }

    /// One hidden figure per claim, its chain drawn; the script unhides the selected one.
    private func writeChains(_ claims: [Claim], entities: EntityLookup, into out: inout HTMLOutput) {
        out.raw(#"<section class="chain-panel" aria-labelledby="chain-title" aria-live="polite"><h2 id="chain-title">Chain</h2>"#)
        out.raw(#"<p class="hint" id="chain-hint">Select a highlighted passage (click it, or Tab to it and press Enter) to "#)
        out.raw("see who said it and through whom, from the publication down to the origin.</p>")
        for claim in claims {
            out.raw(#"<figure class="chain-figure""#)
            out.attribute("id", "chain-" + claim.id)
            out.attribute("data-claim-id", claim.id)
            out.raw(#" hidden><figcaption><strong>"#)
            out.text(claim.id)
            out.raw("</strong> ")
            out.text(claim.text)
            out.raw(" ")
            out.link(ExplorerPaths.claim(claim.id), "Claim page")
            out.raw("</figcaption>")
            ChainGraph.write(claim, entities: entities, into: &out)
            out.raw("</figure>")
        }
        out.raw("</section>")
    }

    /// Every claim as a link to its page: the way to the chains without the script.
    private func writeClaimList(_ claims: [Claim], article: Article, into out: inout HTMLOutput) {
        guard !claims.isEmpty else {
            out.raw(#"<p class="all-claims">No claim of this article is annotated.</p>"#)
            return
        }
        out.raw(#"<details class="all-claims"><summary>"#)
        out.text("All \(counted(claims.count, "claim"))")
        out.raw("</summary><ol>")
        for claim in claims {
            out.raw("<li>")
            out.link(ExplorerPaths.claim(claim.id), claim.id)
            out.raw(" ")
            out.text(claim.text)
            out.raw("</li>")
        }
        out.raw("</ol></details>")
    }
}
