/// The sourcing indicators of each period (a month or a year of the articles' dates), and of each publisher in it
/// with `by=publisher`: the same counts as `/v1/indicators` (docs/indicators.md) over the articles of the period.
///
/// Articles are grouped by row first, then each row's claims are counted, so that a source is counted once per row
/// with one mark per entity (the last row that counted it), as the indicators count theirs. The cost is the links of
/// the articles selected; over every article, the four series are counted once at load.
struct SourcingSeries: Sendable {
    enum Interval: String, CaseIterable, Sendable {
        /// `all`: one period, every article's (the undated too).
        case month, year, all
    }

    struct Row: Sendable {
        /// A position in `CorpusLists.monthKeys` or `years`.
        var period: Int
        /// The publisher's entity ordinal, with `by=publisher`.
        var publisher: UInt32?
        var indicators: SourcingIndicators.Aggregate
    }

    let interval: Interval
    let byPublisher: Bool
    /// By period, then by publisher id.
    let rows: [Row]

    /// Over `articles` (ascending ordinals); an article without a date in the interval (undated, or dated to a year
    /// in a monthly series) is in no period.
    init(_ interval: Interval, byPublisher: Bool, articles: some Sequence<UInt32>, corpus: CorpusLists,
         counts: [SourcingCounts], claimsOfArticle: PostingLists, traits: [SourceTraits]) {
        self.interval = interval
        self.byPublisher = byPublisher
        let periodOf = switch interval {
        case .month: corpus.monthOfArticle
        case .year: corpus.yearOfArticle
        case .all: [Int32](repeating: 0, count: counts.count)
        }
        var rowOfKey: [UInt64: Int] = [:]
        var keys: [(period: Int, publisher: UInt32?)] = []
        var articlesOfRow: [[UInt32]] = []
        for article in articles {
            let period = periodOf[Int(article)]
            guard period >= 0 else { continue }
            let publisher = byPublisher ? corpus.publisherOfArticle[Int(article)] : nil
            let key = UInt64(period) << 32 | UInt64(publisher ?? 0)
            let row = rowOfKey[key] ?? {
                rowOfKey[key] = keys.count
                keys.append((Int(period), publisher))
                articlesOfRow.append([])
                return keys.count - 1
            }()
            articlesOfRow[row].append(article)
        }
        // Entity ordinals follow ids, so this is by period, then by publisher id.
        let order = keys.indices.sorted { (keys[$0].period, keys[$0].publisher ?? 0) < (keys[$1].period, keys[$1].publisher ?? 0) }
        var countedForRow = [Int](repeating: -1, count: traits.count)
        var rows: [Row] = []
        rows.reserveCapacity(order.count)
        let claims = corpus.claims
        for row in order {
            var aggregate = SourcingIndicators.Aggregate()
            for article in articlesOfRow[row] {
                aggregate.articles += 1
                aggregate.counts.addClaimCounts(of: counts[Int(article)])
                let publisher = corpus.publisherOfArticle[Int(article)]
                for claim in claimsOfArticle[Int(article)] {
                    for link in claims.chain(of: claims.records[Int(claim)]) where link.source != publisher {
                        let source = Int(link.source)
                        if countedForRow[source] != row {
                            countedForRow[source] = row
                            aggregate.counts.count(source: traits[source])
                        }
                    }
                }
            }
            rows.append(Row(period: keys[row].period, publisher: keys[row].publisher, indicators: aggregate))
        }
        self.rows = rows
    }

    /// The label of a row's period: `2016-03`, `2016`, `all`.
    func periodLabel(_ row: Row, corpus: CorpusLists) -> String {
        switch interval {
        case .month: PublicationPeriod.monthLabel(corpus.monthKeys[row.period])
        case .year: PublicationPeriod.yearLabel(corpus.years[row.period])
        case .all: "all"
        }
    }
}

/// The series over every article, counted at load: month and year, with and without `by=publisher`.
struct AllArticleSeries: Sendable {
    let series: [SourcingSeries]

    init(corpus: CorpusLists, indicators: SourcingIndicators, claimsOfArticle: PostingLists, entities: [Entity]) {
        let traits = entities.map(SourceTraits.init)
        let all = 0..<UInt32(indicators.articles.count)
        series = SourcingSeries.Interval.allCases.flatMap { interval in
            [false, true].map { byPublisher in
                SourcingSeries(interval, byPublisher: byPublisher, articles: all, corpus: corpus, counts: indicators.articles,
                               claimsOfArticle: claimsOfArticle, traits: traits)
            }
        }
    }

    func series(_ interval: SourcingSeries.Interval, byPublisher: Bool) -> SourcingSeries {
        series.first { $0.interval == interval && $0.byPublisher == byPublisher }!
    }
}
