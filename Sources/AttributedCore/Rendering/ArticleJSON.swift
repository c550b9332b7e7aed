/// An article as the API shows it: its fields, then the ids of its claims.
enum ArticleJSON {
    static func write(_ article: Article, claimIds: some Sequence<String>, into out: inout JSONOutput) {
        JSON.object([
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
            ("claims", .array(claimIds.map(JSON.string))),
        ]).write(into: &out.bytes)
    }
}
