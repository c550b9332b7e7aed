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

extension PageRequest {
    /// A page in relevance order: every match is scored (O(matches), bounded by the rarest list), best first, ties
    /// by id; the cursor carries the last score and id.
    func takeRanked(_ conjunction: inout Conjunction, claims: ClaimTable,
                    score: (borrowing Conjunction, UInt32) -> Double) -> Page {
        var position: RankedMatch?
        if case .afterMatch(let lastScore, let lastId) = after {
            // Matches with the same score come after it when their id does: ordinals follow ids. A score that is not
            // a number (no cursor of this server's) is a position before every match.
            let firstAfter = PageRequest(limit: limit, after: .afterId(lastId)).firstOrdinal(count: claims.count) { claims.id(of: $0) }
            if !lastScore.isNaN {
                position = firstAfter == 0 ? RankedMatch(score: lastScore.nextUp, ordinal: .max)
                    : RankedMatch(score: lastScore, ordinal: firstAfter - 1)
            }
        }
        let matches = RelevanceRanking.page(of: &conjunction, after: position, limit: limit, score: score)
        let ordinals = matches.prefix(limit).map { Int($0.ordinal) }
        var next: String?
        if matches.count > limit, let last = matches.prefix(limit).last {
            next = Cursor.afterMatch(score: last.score, id: Array(claims.id(of: Int(last.ordinal)).utf8)).encoded
        }
        return Page(ordinals: ordinals, next: next, examined: conjunction.examined)
    }
}
