/// One page of a list: the limit and the position after which it starts.
struct PageRequest {
    static let defaultLimit = 50
    static let maximumLimit = 500
    static let parameterNames: Set = ["limit", "cursor"]

    let limit: Int
    let after: Cursor?

    init(limit: Int, after: Cursor?) {
        self.limit = limit
        self.after = after
    }

    init(_ parameters: QueryParameters) throws(Problem) {
        limit = try parameters.integer("limit", in: 1...Self.maximumLimit) ?? Self.defaultLimit
        if let cursor = try parameters.string("cursor", maximumLength: 1024) {
            after = try Cursor.decode(cursor)
        } else {
            after = nil
        }
    }

    /// The keyset position in id order: the first ordinal whose id sorts after the cursor's.
    func firstOrdinal(count: Int, id: (Int) -> String) -> UInt32 {
        let key: [UInt8]
        switch after {
        case nil: return 0
        case .afterId(let id): key = id
        case .afterMatch: return 0  // the other order's cursor: before the first item
        }
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if key.lexicographicallyPrecedes(id(mid).utf8) { high = mid } else { low = mid + 1 }
        }
        return UInt32(low)
    }

    /// Takes the page in id order from a join of posting lists: `limit` matches from the keyset position, and
    /// one more to know whether a next page exists.
    func take(_ conjunction: inout Conjunction, from first: UInt32, id: (Int) -> String) -> Page {
        var ordinals: [Int] = []
        ordinals.reserveCapacity(min(limit, 64))
        var next = conjunction.next(atLeast: first)
        while let ordinal = next {
            if ordinals.count == limit {
                return Page(ordinals: ordinals, next: Cursor.afterId(Array(id(ordinals[limit - 1]).utf8)).encoded,
                            examined: conjunction.examined)
            }
            ordinals.append(Int(ordinal))
            next = conjunction.next()
        }
        return Page(ordinals: ordinals, next: nil, examined: conjunction.examined)
    }

    /// A page of a whole collection, or of one posting list, in id order.
    func take(_ cursor: PostingCursor, count: Int, id: (Int) -> String) throws(Problem) -> Page {
        var conjunction = Conjunction([cursor])
        return take(&conjunction, from: firstOrdinal(count: count, id: id), id: id)
    }
}

extension PageRequest {
    /// A page in relevance order, best first, ties by id; the cursor carries the last score and id. Every match is
    /// scored (O(matches), bounded by the rarest list) except in blocks that `bounds` shows cannot reach the page.
    func takeRanked(_ conjunction: inout Conjunction, claims: ClaimTable, bounds: ScoreBounds?,
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
        let matches = RelevanceRanking.page(of: &conjunction, after: position, limit: limit, bounds: bounds, score: score)
        let ordinals = matches.prefix(limit).map { Int($0.ordinal) }
        var next: String?
        if matches.count > limit, let last = matches.prefix(limit).last {
            next = Cursor.afterMatch(score: last.score, id: Array(claims.id(of: Int(last.ordinal)).utf8)).encoded
        }
        return Page(ordinals: ordinals, next: next, examined: conjunction.examined)
    }
}

struct Page {
    let ordinals: [Int]
    let next: String?
    /// Candidates the query looked at: what its cost is bounded by (tests assert on it).
    let examined: Int

    static let empty = Page(ordinals: [], next: nil, examined: 0)
}
