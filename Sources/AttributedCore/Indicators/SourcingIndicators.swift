/// The sourcing indicators of every article, of every publisher's articles and of the whole dataset, computed once
/// at load in one pass over the chains: O(links), and fixed-size counts per article and per publisher.
///
/// Distinct sources do not sum, so each selection counts its own: an entity is counted for an article, a publisher
/// or the dataset the first time one of its links is met there, which a mark per entity (the last article, the
/// last publisher that counted it) tells in O(1).
struct SourcingIndicators: Sendable {
    /// A selection of articles: how many, and their counts.
    struct Aggregate: Sendable, Equatable {
        var articles: UInt32 = 0
        var counts = SourcingCounts()
    }

    /// By article ordinal.
    let articles: [SourcingCounts]
    let overall: Aggregate
    /// The entity ordinals of the publishers of at least one article, ascending, and their aggregates.
    let publishers: [UInt32]
    let publisherAggregates: [Aggregate]

    init(claims: ClaimTable, articles: [Article], entities: [Entity], entityIndex: [String: Int],
         claimsOfArticle: PostingLists) {
        let traits = entities.map(SourceTraits.init)
        var articlesOfPublisher = PostingListsBuilder(listCount: entities.count)
        articlesOfPublisher.collect { builder in
            for (ordinal, article) in articles.enumerated() {
                builder.append(UInt32(ordinal), toList: entityIndex[article.publisher]!)
            }
        }
        let byPublisher = articlesOfPublisher.build()

        var perArticle = [SourcingCounts](repeating: SourcingCounts(), count: articles.count)
        var overall = Aggregate()
        var publishers: [UInt32] = []
        var publisherAggregates: [Aggregate] = []
        var countedForArticle = [UInt32](repeating: .max, count: entities.count)
        var countedForPublisher = [UInt32](repeating: .max, count: entities.count)
        var countedOverall = [Bool](repeating: false, count: entities.count)
        var corroboration = Corroboration()
        for publisher in 0..<byPublisher.count where !byPublisher[publisher].isEmpty {
            var aggregate = Aggregate()
            for article in byPublisher[publisher] {
                var counts = SourcingCounts()
                for ordinal in claimsOfArticle[Int(article)] {
                    let record = claims.records[Int(ordinal)]
                    let chain = claims.chain(of: record)
                    counts.count(claim: record, chain: chain, traits: traits)
                    for link in chain where link.source != UInt32(publisher) {
                        let source = Int(link.source)
                        if countedForArticle[source] != article {
                            countedForArticle[source] = article
                            counts.count(source: traits[source])
                        }
                        if countedForPublisher[source] != UInt32(publisher) {
                            countedForPublisher[source] = UInt32(publisher)
                            aggregate.counts.count(source: traits[source])
                        }
                        if !countedOverall[source] {
                            countedOverall[source] = true
                            overall.counts.count(source: traits[source])
                        }
                    }
                }
                counts.corroborated = corroboration.count(claimsOfArticle[Int(article)], in: claims)
                perArticle[Int(article)] = counts
                aggregate.articles += 1
                aggregate.counts.addClaimCounts(of: counts)
            }
            publishers.append(UInt32(publisher))
            publisherAggregates.append(aggregate)
            overall.articles += aggregate.articles
            overall.counts.addClaimCounts(of: aggregate.counts)
        }
        self.articles = perArticle
        self.overall = overall
        self.publishers = publishers
        self.publisherAggregates = publisherAggregates
    }

    /// The position of a publisher among `publishers`; nil for an entity that publishes no article.
    func publisherPosition(of entity: Int) -> Int? {
        var low = 0
        var high = publishers.count
        while low < high {
            let mid = (low + high) / 2
            if publishers[mid] < UInt32(entity) { low = mid + 1 } else { high = mid }
        }
        return low < publishers.count && publishers[low] == UInt32(entity) ? low : nil
    }
}
