/// `/explore/`: the articles, a page at a time in id order (the API's keyset cursor), each with its publisher, date
/// and indicator summary.
struct ArticleListPage {
    let store: Store
    let page: Page
    let request: Request

    func render() -> [UInt8] {
        PageLayout.render(title: "Articles") { out in
            let overall = store.indicators.overall
            out.raw("<h1>Articles</h1><p class=\"lead\">")
            out.text("\(counted(Int(overall.articles), "article")) and \(counted(Int(overall.counts.claims), "claim")) in this dataset. ")
            out.text("Open an article to read it with every claim highlighted and follow any claim's chain of attribution.")
            out.raw("</p>")
            let entities = EntityLookup(store: store)
            PagedList.write(page, request: request, listClass: "articles", empty: "No articles.", into: &out) { ordinal, out in
                let article = store.articles[ordinal]
                out.raw("<li><h2>")
                out.link(ExplorerPaths.article(article.id), article.headline)
                out.raw("</h2><p class=\"byline\">")
                entities.writeLink(article.publisher, into: &out)
                out.text(" · " + (article.published ?? "undated"))
                out.raw("</p>")
                IndicatorPanel.writeSummary(store.indicators.articles[ordinal], into: &out)
                out.raw("</li>")
            }
        }
    }
}
