/// The filters of `/v1/claims`. Filters combine with AND; an id that does not exist matches nothing.
struct ClaimQuery {
    static let parameterNames: Set = PageRequest.parameterNames.union(
        ["article", "entity", "source", "anonymity", "mode", "min_depth", "q"])

    var article: String?
    /// A subject of the claim, or a source anywhere on its chain.
    var entity: String?
    var source: String?
    var anonymity: Anonymity?
    var mode: AttributionMode?
    var minimumDepth: Int?
    var words: [String]?

    init(_ parameters: QueryParameters) throws(Problem) {
        article = try parameters.string("article")
        entity = try parameters.string("entity")
        source = try parameters.string("source")
        anonymity = try parameters.choice("anonymity")
        mode = try parameters.choice("mode")
        minimumDepth = try parameters.integer("min_depth", in: 1...64)
        words = try parameters.string("q").map(SearchWords.words(in:))
    }

    func page(_ page: PageRequest, in store: Store) -> Page {
        // Resolve ids first: an unknown one empties the result instead of being ignored.
        let articleOrdinal = article.map { store.articleIndex[$0] }
        let entityOrdinal = entity.map { store.entityIndex[$0] }
        let sourceOrdinal = source.map { store.entityIndex[$0] }
        if articleOrdinal == .some(nil) || entityOrdinal == .some(nil) || sourceOrdinal == .some(nil) {
            return Page(ordinals: [], next: nil)
        }
        // Walk the narrowest prebuilt index; check the remaining filters per claim.
        var candidates: [Int]?
        func narrow(_ list: [Int]) { if candidates == nil || list.count < candidates!.count { candidates = list } }
        if let articleOrdinal = articleOrdinal ?? nil { narrow(store.claimsOfArticle[articleOrdinal]) }
        if let sourceOrdinal = sourceOrdinal ?? nil { narrow(store.entityFacts[sourceOrdinal].asSource) }
        if let anonymity { narrow(store.claimsByWeakestAnonymity[anonymity] ?? []) }
        if let mode { narrow(store.claimsByMode[mode] ?? []) }

        return page.take(from: candidates, ids: store.claimIds) { ordinal in
            let facts = store.claimFacts[ordinal]
            if let articleOrdinal = articleOrdinal ?? nil, facts.article != articleOrdinal { return false }
            if let sourceOrdinal = sourceOrdinal ?? nil, !facts.sources.contains(sourceOrdinal) { return false }
            if let entityOrdinal = entityOrdinal ?? nil,
               !facts.sources.contains(entityOrdinal), !facts.subjects.contains(entityOrdinal) { return false }
            if let anonymity, facts.weakestAnonymity != anonymity { return false }
            if let mode, !facts.modes.contains(mode) { return false }
            if let minimumDepth, facts.depth < minimumDepth { return false }
            if let words, !facts.words.matchesAll(words) { return false }
            return true
        }
    }
}
