extension SourcingSeries {
    /// The series of the articles `filters` select: counted at load without filters, else over their links.
    static func selecting(_ filters: ArticleFilters, interval: Interval, byPublisher: Bool, in store: Store) -> SourcingSeries {
        guard !filters.isEmpty else { return store.allSeries.series(interval, byPublisher: byPublisher) }
        var articles: [UInt32] = []
        if let cursors = filters.articleCursors(in: store) {
            var join = Conjunction(cursors)
            while let article = join.next() { articles.append(article) }
        }
        return SourcingSeries(interval, byPublisher: byPublisher, articles: articles, corpus: store.corpus,
                              counts: store.indicators.articles, claimsOfArticle: store.filters.claimsOfArticle,
                              traits: store.sourceTraits)
    }

    /// The first and last day of a row's period, as `published_since` and `published_until` take them (nil for `all`).
    func days(of row: Row, corpus: CorpusLists) -> (first: String, last: String)? {
        switch interval {
        case .month: PublicationPeriod.days(ofMonth: corpus.monthKeys[row.period])
        case .year: PublicationPeriod.days(ofYear: corpus.years[row.period])
        case .all: nil
        }
    }
}
