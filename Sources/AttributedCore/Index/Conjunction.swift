/// The ordinals present in every one of some cursors, ascending, by a leapfrog join led by the rarest cursor.
///
/// The leader proposes its next ordinal; each other cursor gallops to it, and the first that overshoots sends the
/// leader forward to its value. Starting from a lower bound is a seek, so the page after a keyset cursor costs what
/// the first page costs; and the work is bounded by the leader's length, the rarest list's.
struct Conjunction {
    /// The cursors in the order given (so a caller knows which ones are query words).
    private(set) var cursors: [PostingCursor]
    /// Indices into `cursors`, rarest (smallest estimated count) first: the leader, then the followers.
    private let order: [Int]
    /// Candidate ordinals the leader proposed: the join's work, for tests and for bounding a query's cost.
    private(set) var examined = 0
    private var exhausted: Bool
    private var lastMatch: UInt32?

    /// No cursor, or any cursor that cannot match, gives no match at all and examines nothing: a conjunction never
    /// widens to everything (use `PostingCursor.all` for "no filter").
    init(_ cursors: [PostingCursor]) {
        self.cursors = cursors
        order = cursors.indices.sorted { (cursors[$0].estimatedCount, $0) < (cursors[$1].estimatedCount, $1) }
        exhausted = cursors.isEmpty || cursors.contains { $0.estimatedCount == 0 }
    }

    /// The first match ≥ `lowerBound` that is not before the cursors' positions (lower bounds should not decrease),
    /// or nil when there is none.
    mutating func next(atLeast lowerBound: UInt32) -> UInt32? {
        guard !exhausted else { return nil }
        let leader = order[0]
        var candidate = lowerBound
        proposing: while true {
            cursors[leader].seek(atLeast: candidate)
            guard let proposal = cursors[leader].current else { return finish() }
            examined += 1
            candidate = proposal
            for follower in order.dropFirst() {
                cursors[follower].seek(atLeast: candidate)
                guard let value = cursors[follower].current else { return finish() }
                if value != candidate {
                    candidate = value
                    continue proposing
                }
            }
            lastMatch = candidate
            return candidate
        }
    }

    /// The match after the last one returned (the first match when none was).
    mutating func next() -> UInt32? {
        guard let lastMatch else { return next(atLeast: 0) }
        guard lastMatch < .max else { return finish() }
        return next(atLeast: lastMatch + 1)
    }

    private mutating func finish() -> UInt32? {
        exhausted = true
        return nil
    }
}
