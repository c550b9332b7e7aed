/// An article as one flat CSV row: its fields (`authors` and the `summary` bullets joined by ` | `), the number of
/// its claims, and its body last (the widest cell, quoted when it holds line breaks).
enum ArticleCSV {
    static let columns = [
        "id", "headline", "publisher", "authors", "byline", "published", "url", "language", "claims", "summary", "body",
    ]

    static func write(_ ordinal: Int, of store: Store, into out: inout CSVOutput) {
        let article = store.articles[ordinal]
        out.cell(article.id)
        out.cell(article.headline)
        out.cell(article.publisher)
        out.cell(joining: article.authors)
        out.cell(article.byline)
        out.cell(article.published)
        out.cell(article.url)
        out.cell(article.language)
        out.cell(store.filters.claimsOfArticle[ordinal].count)
        out.cell(joining: article.summary)
        out.cell(article.body)
        out.endRow()
    }
}
