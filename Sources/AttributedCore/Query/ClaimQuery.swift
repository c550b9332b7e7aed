/// The filters of `/v1/claims`. Filters combine with AND; an id that does not exist matches nothing.
///
/// Every filter is a posting list (the article's claims, the entity's, the combination of anonymity, mode and
/// depth, one union per `q` word), and a page is a leapfrog join of them from the keyset position: its cost is
/// the page plus the rarest list, whatever the corpus size.
struct ClaimQuery {
    /// The filters on the claim itself, which every claim list takes (an article's, an entity's, all claims).
    static let claimFilterNames: Set = ["entity", "source", "anonymity", "mode", "min_depth", "origin", "origin_kind",
                                        "factuality", "derivation", "depth"]
    static let parameterNames: Set = PageRequest.parameterNames.union(claimFilterNames).union(ArticleFilters.parameterNames)
        .union(FacetRequest.parameterNames).union(["article", "q", "sort"])
    /// `/v1/articles/{id}/claims`: the article is the route's, and so are its publisher, date and language.
    static let ofArticleParameterNames: Set = PageRequest.parameterNames.union(claimFilterNames).union(FacetRequest.parameterNames)
    /// `/v1/entities/{id}/claims`: the entity is the route's (with `role`).
    static let ofEntityParameterNames: Set = PageRequest.parameterNames.union(claimFilterNames.subtracting(["entity"]))
        .union(ArticleFilters.parameterNames).union(FacetRequest.parameterNames).union(["article", "role"])

    /// What `min_depth` may be.
    static let minimumDepths = 1...64
    /// What `depth` may be.
    static let depths = 1...64

    var article: String?
    /// A subject of the claim, or a source anywhere on its chain.
    var entity: String?
    /// A subject of the claim (an entity's claims with `role=subject`).
    var subject: String?
    /// Sources on the chain, all of them.
    var sources: [String]
    var anonymity: Anonymity?
    /// Modes on the chain, all of them.
    var modes: [AttributionMode]
    var minimumDepth: Int?
    var origin: String?
    var originKind: EntityKind?
    var factuality: Factuality?
    var derivation: Derivation?
    var depth: Int?
    var articles: ArticleFilters
    var search: SearchQuery?
    var order: ListOrder

    init(_ parameters: QueryParameters) throws(Problem) {
        article = try parameters.string("article")
        entity = try parameters.string("entity")
        sources = try parameters.ids("source")
        anonymity = try parameters.choice("anonymity")
        modes = try parameters.choices("mode")
        minimumDepth = try parameters.integer("min_depth", in: Self.minimumDepths)
        origin = try parameters.id("origin")
        originKind = try parameters.choice("origin_kind")
        factuality = try parameters.choice("factuality")
        derivation = try parameters.choice("derivation")
        depth = try parameters.integer("depth", in: Self.depths)
        articles = try ArticleFilters(parameters)
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

    /// Whether a filter or `q` narrows the claims (without, facets are the ones counted at load).
    var isUnfiltered: Bool {
        article == nil && entity == nil && subject == nil && sources.isEmpty && anonymity == nil && modes.isEmpty
            && minimumDepth == nil && origin == nil && originKind == nil && factuality == nil && derivation == nil
            && depth == nil && articles.isEmpty && search == nil
    }

    /// When the query is one filter (one publisher or several, a language, a date range, an origin, a source, an
    /// anonymity, a mode and a minimum depth together, …) and no `q`: the disjoint lists its matches are the union
    /// of, whose facets `PrecountedFacets` adds up. nil for anything else, or when nothing can match.
    func precountedLists(in store: Store) -> [PrecountedFacets.List]? {
        guard search == nil, article == nil, entity == nil, subject == nil, Set(modes).count <= 1 else { return nil }
        let chain = anonymity != nil || !modes.isEmpty || minimumDepth != nil
        let dates = articles.since != nil || articles.until != nil
        let given = [!articles.publishers.isEmpty, dates, articles.language != nil, chain, !sources.isEmpty, origin != nil,
                     originKind != nil, factuality != nil, derivation != nil, depth != nil]
        guard given.filter({ $0 }).count == 1, Set(sources).count <= 1 else { return nil }
        typealias List = PrecountedFacets.List
        let lists = store.corpus
        if !articles.publishers.isEmpty {
            let ordinals = Set(articles.publishers.compactMap { store.entityIndex[$0] }).sorted()
            return ordinals.isEmpty ? nil : ordinals.map { List(family: .publisher, list: $0) }
        }
        if dates {
            let families: [PrecountedFacets.Family] = [.days, .months, .years]
            let members = lists.claimDates.members(since: articles.since, until: articles.until)
            return members.isEmpty ? nil : members.map { List(family: families[$0.family], list: $0.list) }
        }
        if let language = articles.language {
            return lists.languages.sortedIndex(of: language).map { [List(family: .language, list: $0)] }
        }
        if chain {
            return store.filters.facets.list(anonymity: anonymity, mode: modes.first, minimumDepth: minimumDepth)
                .map { [List(family: .chain, list: $0)] }
        }
        if let source = sources.first { return store.entityIndex[source].map { [List(family: .source, list: $0)] } }
        if let origin { return store.entityIndex[origin].map { [List(family: .origin, list: $0)] } }
        if let originKind { return [List(family: .originKind, list: EntityKind.allCases.firstIndex(of: originKind)!)] }
        if let factuality { return [List(family: .factuality, list: Int(factuality.position))] }
        if let derivation { return [List(family: .derivation, list: derivation == .quotation ? 0 : 1)] }
        if let depth { return [List(family: .depth, list: depth - 1)] }
        return nil
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
        if let subject {
            guard let ordinal = store.entityIndex[subject] else { return nil }
            cursors.append(.list(store.filters.claimsBySubject, ordinal))
        }
        for source in Set(sources) {
            guard let ordinal = store.entityIndex[source] else { return nil }
            cursors.append(.list(store.filters.claimsBySource, ordinal))
        }
        let modes = Array(Set(modes)).sorted { $0.bit < $1.bit }
        if anonymity != nil || !modes.isEmpty || minimumDepth != nil {
            guard let facet = store.filters.facets.list(anonymity: anonymity, mode: modes.first, minimumDepth: minimumDepth) else { return nil }
            cursors.append(.list(store.filters.facets.lists, facet))
        }
        for mode in modes.dropFirst() {
            cursors.append(.list(store.filters.facets.lists, store.filters.facets.list(anonymity: nil, mode: mode, minimumDepth: nil)!))
        }
        let lists = store.corpus
        if let origin {
            guard let ordinal = store.entityIndex[origin] else { return nil }
            cursors.append(.list(lists.claimsByOrigin, ordinal))
        }
        if let originKind { cursors.append(.list(lists.claimsByOriginKind, EntityKind.allCases.firstIndex(of: originKind)!)) }
        if let factuality { cursors.append(.list(lists.claimsByFactuality, Int(factuality.position))) }
        if let derivation { cursors.append(.list(lists.claimsByDerivation, derivation == .quotation ? 0 : 1)) }
        if let depth { cursors.append(.list(lists.claimsByDepth, depth - 1)) }
        guard let articleCursors = articles.claimCursors(in: store) else { return nil }
        return cursors + articleCursors
    }
}
