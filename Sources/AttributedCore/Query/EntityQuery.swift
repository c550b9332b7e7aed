/// The filters of `/v1/entities`.
struct EntityQuery {
    static let parameterNames: Set = PageRequest.parameterNames.union(["kind", "q"])

    var kind: EntityKind?
    var words: [String]?

    init(_ parameters: QueryParameters) throws(Problem) {
        kind = try parameters.choice("kind")
        words = try parameters.string("q").map(SearchWords.words(in:))
    }

    func page(_ page: PageRequest, in store: Store) -> Page {
        page.take(from: nil, ids: store.entityIds) { ordinal in
            if let kind, store.entities[ordinal].kind != kind { return false }
            if let words, !store.entityFacts[ordinal].words.matchesAll(words) { return false }
            return true
        }
    }
}
