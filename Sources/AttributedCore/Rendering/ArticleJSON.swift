/// An article as the API shows it: its fields, then the ids of its claims.
enum ArticleJSON {
    static func write(_ article: Article, claimIds: some Sequence<String>, into out: inout JSONOutput) {
        out.json(.object(InputFields.article(article) + [("claims", .array(claimIds.map(JSON.string)))]))
    }
}

extension Store {
    func writeArticle(_ ordinal: Int, into output: inout JSONOutput) {
        Self.writeArticle(ordinal, of: articles, claims: claims, claimsOfArticle: filters.claimsOfArticle, into: &output)
    }

    /// The one way an article is rendered: for its ETag at load, and when it is served.
    static func writeArticle(_ ordinal: Int, of articles: [Article], claims: ClaimTable, claimsOfArticle: PostingLists,
                             into output: inout JSONOutput) {
        ArticleJSON.write(articles[ordinal], claimIds: claimsOfArticle[ordinal].lazy.map { claims.id(of: Int($0)) }, into: &output)
    }
}
