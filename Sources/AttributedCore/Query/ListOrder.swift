/// `sort`: lists are in id order; with `q`, they may instead be ranked by BM25 relevance.
enum ListOrder: String, CaseIterable {
    case id
    case relevance
}

extension ListOrder {
    /// Without `q` every claim is equally relevant, so relevance order is id order (with id cursors).
    static func parse(_ parameters: QueryParameters, hasSearch: Bool) throws(Problem) -> ListOrder {
        let order: ListOrder = try parameters.choice("sort") ?? .id
        return hasSearch ? order : .id
    }
}
