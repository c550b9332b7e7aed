/// Resolves the `{id}` of a route to a record's ordinal, or 404 naming what was not found.
enum Lookup {
    static func ordinal(of id: String, in index: [String: Int], kind: String) throws(Problem) -> Int {
        guard let ordinal = index[id] else { throw .notFound("no \(kind) with id \(quoted(id))") }
        return ordinal
    }
}
