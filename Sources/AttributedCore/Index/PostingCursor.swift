/// A forward-only cursor over ascending ordinals, the unit a `Conjunction` joins.
enum PostingCursor {
    case empty
    case all(AllCursor)
    case list(ListCursor)
    case union(UnionCursor)

    /// Every ordinal of `0..<count`: "no filter".
    static func all(_ count: Int) -> PostingCursor { .all(AllCursor(count: UInt32(count))) }

    /// One list of `lists`.
    static func list(_ lists: PostingLists, _ list: Int) -> PostingCursor { .list(ListCursor(lists[list], list: list)) }

    /// The union of the consecutive lists `range` of `lists` (the terms a word prefixes): `.empty`, one list, or a
    /// union.
    static func union(_ lists: PostingLists, _ range: Range<Int>) -> PostingCursor {
        switch range.count {
        case 0: .empty
        case 1: .list(lists, range.lowerBound)
        default: .union(UnionCursor(range.map { ListCursor(lists[$0], list: $0) }))
        }
    }

    /// The current ordinal, nil once exhausted.
    var current: UInt32? {
        switch self {
        case .empty: nil
        case .all(let cursor): cursor.current
        case .list(let cursor): cursor.current
        case .union(let cursor): cursor.current
        }
    }

    /// Postings this cursor can yield in all (for a union, the sum of its members): the join leads with the rarest.
    var estimatedCount: Int {
        switch self {
        case .empty: 0
        case .all(let cursor): Int(cursor.count)
        case .list(let cursor): cursor.count
        case .union(let cursor): cursor.estimatedCount
        }
    }

    // The payload is taken out and put back; `self = .empty` in between keeps a union's arrays uniquely referenced,
    // so they are mutated in place rather than copied.

    /// Moves to the first ordinal ≥ `target`; never moves backwards.
    mutating func seek(atLeast target: UInt32) {
        switch self {
        case .empty: break
        case .all(var cursor): cursor.seek(atLeast: target); self = .all(cursor)
        case .list(var cursor): cursor.seek(atLeast: target); self = .list(cursor)
        case .union(var cursor): self = .empty; cursor.seek(atLeast: target); self = .union(cursor)
        }
    }

    mutating func advance() {
        switch self {
        case .empty: break
        case .all(var cursor): cursor.advance(); self = .all(cursor)
        case .list(var cursor): cursor.advance(); self = .list(cursor)
        case .union(var cursor): self = .empty; cursor.advance(); self = .union(cursor)
        }
    }

    /// Calls `body` with (list, position in the lists' flat values) for every list on the current ordinal: a term
    /// and where to read its frequency. `.all` and `.empty` have none.
    func forEachPostingOnCurrent(_ body: (_ list: Int, _ position: Int) -> Void) {
        switch self {
        case .empty, .all: break
        case .list(let cursor): if cursor.current != nil { body(cursor.list, cursor.position) }
        case .union(let cursor): cursor.forEachMemberOnCurrent { body($0.list, $0.position) }
        }
    }
}
