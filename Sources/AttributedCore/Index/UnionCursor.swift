/// The union of many posting lists, for a query word that prefixes many terms: a min-heap of the members' current
/// values. Merging them into one list up front would cost every member's whole length even when a rare word leads
/// and only a few documents are ever asked about.
struct UnionCursor {
    /// The members with at least one posting, in the order given.
    private(set) var members: [ListCursor]
    /// Live members as (current value << 32 | member index), a min-heap: ties order by member, and a comparison
    /// touches no member.
    private var heap: [UInt64]
    /// Summed member lengths: the union's size when no document holds two members.
    let estimatedCount: Int

    init(_ members: [ListCursor]) {
        self.members = members.filter { $0.current != nil }
        estimatedCount = self.members.reduce(0) { $0 + $1.count }
        heap = self.members.enumerated().map { Self.entry($1.current!, member: $0) }
        heap.sort()  // a sorted array is a valid heap
    }

    var current: UInt32? { heap.first.map { UInt32(truncatingIfNeeded: $0 >> 32) } }

    /// Advances only the members behind `target`, each by a galloping seek.
    mutating func seek(atLeast target: UInt32) {
        while let top = heap.first, UInt32(truncatingIfNeeded: top >> 32) < target {
            let member = Int(truncatingIfNeeded: top & 0xFFFF_FFFF)
            members[member].seek(atLeast: target)
            replaceTop(member)
        }
    }

    /// Moves past the current document: every member on it steps once.
    mutating func advance() {
        guard let document = current else { return }
        while let top = heap.first, UInt32(truncatingIfNeeded: top >> 32) == document {
            let member = Int(truncatingIfNeeded: top & 0xFFFF_FFFF)
            members[member].advance()
            replaceTop(member)
        }
    }

    /// Calls `body` with each member positioned on the current document (to read its term and frequency), in no
    /// particular order. Visits only heap nodes equal to the current value: their subtrees are the only ones that can
    /// hold it.
    func forEachMemberOnCurrent(_ body: (ListCursor) -> Void) {
        guard let top = heap.first else { return }
        let document = top >> 32
        func visit(_ node: Int) {
            guard node < heap.count, heap[node] >> 32 == document else { return }
            body(members[Int(truncatingIfNeeded: heap[node] & 0xFFFF_FFFF)])
            visit(2 * node + 1)
            visit(2 * node + 2)
        }
        visit(0)
    }

    private static func entry(_ value: UInt32, member: Int) -> UInt64 { UInt64(value) << 32 | UInt64(member) }

    /// Re-files the top member after it moved: sifts its new value down, or drops it when exhausted.
    private mutating func replaceTop(_ member: Int) {
        if let value = members[member].current {
            heap[0] = Self.entry(value, member: member)
        } else {
            let last = heap.removeLast()
            guard !heap.isEmpty else { return }
            heap[0] = last
        }
        var node = 0
        let moving = heap[0]
        while true {
            let left = 2 * node + 1
            guard left < heap.count else { break }
            let right = left + 1
            let child = right < heap.count && heap[right] < heap[left] ? right : left
            guard heap[child] < moving else { break }
            heap[node] = heap[child]
            node = child
        }
        heap[node] = moving
    }
}
