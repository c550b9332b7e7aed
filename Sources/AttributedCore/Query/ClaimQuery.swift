/// The filters of `/v1/claims`. Filters combine with AND; an id that does not exist matches nothing.
///
/// Every filter is a posting list (the article's claims, the entity's, the combination of anonymity, mode and
/// depth, one union per `q` word), and a page is a leapfrog join of them from the keyset position: its cost is
/// the page plus the rarest list, whatever the corpus size.
struct ClaimQuery {
    static let parameterNames: Set = PageRequest.parameterNames.union(
        ["article", "entity", "source", "anonymity", "mode", "min_depth", "q", "sort"])

    /// What `min_depth` may be.
    static let minimumDepths = 1...64

    var article: String?
    /// A subject of the claim, or a source anywhere on its chain.
    var entity: String?
    var source: String?
    var anonymity: Anonymity?
    var mode: AttributionMode?
    var minimumDepth: Int?
    var search: SearchQuery?
    var order: ListOrder

    init(_ parameters: QueryParameters) throws(Problem) {
        article = try parameters.string("article")
        entity = try parameters.string("entity")
        source = try parameters.string("source")
        anonymity = try parameters.choice("anonymity")
        mode = try parameters.choice("mode")
        minimumDepth = try parameters.integer("min_depth", in: Self.minimumDepths)
        search = try SearchQuery(parameters)
        order = try ListOrder.parse(parameters, hasSearch: search != nil)
    }

    func page(_ page: PageRequest, in store: Store) throws(Problem) -> Page {
        let index = store.search.claimText
        // Each word's terms, found once: the join's cursors and a ranking's bounds both start from them.
        let ranges = try search?.ranges(in: index)
        let words = ranges.map { SearchQuery.cursors($0, in: index) } ?? []
        guard let filters = filterCursors(in: store) else { return .empty }
        var conjunction = Self.join(filters: filters, words: words, count: store.claims.count)
        let id = { (ordinal: Int) in store.claims.id(of: ordinal) }
        switch order {
        case .id:
            return page.take(&conjunction, from: page.firstOrdinal(count: store.claims.count, id: id), id: id)
        case .relevance:
            let wordPositions = filters.count..<(filters.count + words.count)
            let ranges = ranges ?? []
            let idfs = ranges.map(index.inverseDocumentFrequency(of:))
            let bounds = index.scoreBounds(words: ranges, inverseDocumentFrequencies: idfs)
            return page.takeRanked(&conjunction, claims: store.claims, bounds: bounds) { conjunction, ordinal in
                index.relevance(of: conjunction.cursors[wordPositions], inverseDocumentFrequencies: idfs, at: ordinal)
            }
        }
    }

    /// Every match in id order, as a join not yet walked: what an export streams.
    func matches(in store: Store) throws(Problem) -> Conjunction {
        let words = try search?.cursors(in: store.search.claimText) ?? []
        guard let filters = filterCursors(in: store) else { return Conjunction([]) }
        return Self.join(filters: filters, words: words, count: store.claims.count)
    }

    /// The filters' lists, then the words' (a ranking reads the words' positions); every claim when there is neither.
    private static func join(filters: [PostingCursor], words: [PostingCursor], count: Int) -> Conjunction {
        filters.isEmpty && words.isEmpty ? Conjunction([.all(count)]) : Conjunction(filters + words)
    }

    /// The lists of the filters other than `q`; nil when an unknown id or an impossible depth means nothing can
    /// match.
    private func filterCursors(in store: Store) -> [PostingCursor]? {
        var cursors: [PostingCursor] = []
        if let article {
            guard let ordinal = store.articleIndex[article] else { return nil }
            cursors.append(.list(store.filters.claimsOfArticle, ordinal))
        }
        if let entity {
            guard let ordinal = store.entityIndex[entity] else { return nil }
            cursors.append(.list(store.filters.claimsByEntity, ordinal))
        }
        if let source {
            guard let ordinal = store.entityIndex[source] else { return nil }
            cursors.append(.list(store.filters.claimsBySource, ordinal))
        }
        if anonymity != nil || mode != nil || minimumDepth != nil {
            guard let facet = store.filters.facets.list(anonymity: anonymity, mode: mode, minimumDepth: minimumDepth) else { return nil }
            cursors.append(.list(store.filters.facets.lists, facet))
        }
        return cursors
    }
}
