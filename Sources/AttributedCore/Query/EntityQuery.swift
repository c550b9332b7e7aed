/// The filters of `/v1/entities`: `kind` and `q` (name, aliases, descriptor), both posting lists.
struct EntityQuery {
    static let parameterNames: Set = PageRequest.parameterNames.union(["kind", "q"])

    var kind: EntityKind?
    var search: SearchQuery?

    init(_ parameters: QueryParameters) throws(Problem) {
        kind = try parameters.choice("kind")
        search = try SearchQuery(parameters)
    }

    func page(_ page: PageRequest, in store: Store) throws(Problem) -> Page {
        var conjunction = try matches(in: store)
        let id = { (ordinal: Int) in store.entities[ordinal].id }
        return page.take(&conjunction, from: page.firstOrdinal(count: store.entities.count, id: id), id: id)
    }

    /// Every match in id order, as a join not yet walked (a page takes from it; an export streams all of it).
    func matches(in store: Store) throws(Problem) -> Conjunction {
        var cursors = try search?.cursors(in: store.search.entityText) ?? []
        if let kind { cursors.append(.list(store.filters.entitiesByKind, EntityKind.allCases.firstIndex(of: kind)!)) }
        if cursors.isEmpty { cursors = [.all(store.entities.count)] }
        return Conjunction(cursors)
    }
}
