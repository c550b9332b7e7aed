/// One page of a list: the limit and the position after which it starts.
struct PageRequest {
    static let defaultLimit = 50
    static let maximumLimit = 500

    let limit: Int
    let after: [UInt8]?

    init(_ parameters: QueryParameters) throws(Problem) {
        limit = try parameters.integer("limit", in: 1...Self.maximumLimit) ?? Self.defaultLimit
        if let cursor = try parameters.string("cursor", maximumLength: 1024) {
            after = try Cursor.decode(cursor)
        } else {
            after = nil
        }
    }

    static let parameterNames: Set = ["limit", "cursor"]

    /// Takes the page from the ascending candidate ordinals of records sorted by id (nil: every record).
    func take(from candidates: [Int]?, ids: [String], where matches: (Int) -> Bool) -> Page {
        let first = after.map { Self.firstOrdinal(after: $0, in: ids) } ?? 0
        guard let candidates else { return take(first..<ids.count, ids: ids, where: matches) }
        var low = 0
        var high = candidates.count
        while low < high {
            let mid = (low + high) / 2
            if candidates[mid] < first { low = mid + 1 } else { high = mid }
        }
        return take(candidates[low...], ids: ids, where: matches)
    }

    private func take<Candidates: Sequence<Int>>(_ candidates: Candidates, ids: [String], where matches: (Int) -> Bool) -> Page {
        var ordinals: [Int] = []
        ordinals.reserveCapacity(min(limit, 64))
        for ordinal in candidates where matches(ordinal) {
            if ordinals.count == limit {
                return Page(ordinals: ordinals, next: Cursor.encode(afterId: ids[ordinals[limit - 1]]))
            }
            ordinals.append(ordinal)
        }
        return Page(ordinals: ordinals, next: nil)
    }

    /// The first ordinal whose id sorts after the cursor's bytes.
    private static func firstOrdinal(after key: [UInt8], in ids: [String]) -> Int {
        var low = 0
        var high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if key.lexicographicallyPrecedes(ids[mid].utf8) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

struct Page {
    let ordinals: [Int]
    let next: String?
}
