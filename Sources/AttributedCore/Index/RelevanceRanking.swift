/// One match of a relevance-sorted list, and the keyset position a page ends at.
struct RankedMatch: Equatable, Sendable {
    var score: Double
    var ordinal: UInt32

    /// The list's order: score descending, then ordinal ascending, so equal scores still have one exact order.
    /// Scores compare exactly (a cursor carries the score's bit pattern, not a rounded decimal).
    func precedes(_ other: RankedMatch) -> Bool {
        score != other.score ? score > other.score : ordinal < other.ordinal
    }
}

enum RelevanceRanking {
    /// The first `limit + 1` matches of `conjunction` after `position` (from the start when nil), best first; the
    /// extra one tells the caller another page exists. Walks every match once — O(matches), so bounded by the
    /// rarest cursor — keeping the best `limit + 1` in a heap, since any match may outrank those seen so far.
    static func page(
        of conjunction: inout Conjunction, after position: RankedMatch?, limit: Int,
        score: (_ conjunction: borrowing Conjunction, _ ordinal: UInt32) -> Double
    ) -> [RankedMatch] {
        let capacity = limit + 1
        guard capacity > 0 else { return [] }
        // A max-heap by list order: the root is the worst match kept, the one a better match replaces.
        var kept: [RankedMatch] = []
        kept.reserveCapacity(min(capacity, 1024))
        while let ordinal = conjunction.next() {
            let match = RankedMatch(score: score(conjunction, ordinal), ordinal: ordinal)
            if let position, !position.precedes(match) { continue }
            if kept.count < capacity {
                kept.append(match)
                siftUp(&kept, from: kept.count - 1)
            } else if match.precedes(kept[0]) {
                kept[0] = match
                siftDown(&kept, from: 0)
            }
        }
        return kept.sorted { $0.precedes($1) }
    }

    private static func siftUp(_ heap: inout [RankedMatch], from start: Int) {
        var node = start
        while node > 0 {
            let parent = (node - 1) / 2
            guard heap[parent].precedes(heap[node]) else { return }
            heap.swapAt(parent, node)
            node = parent
        }
    }

    private static func siftDown(_ heap: inout [RankedMatch], from start: Int) {
        var node = start
        while true {
            let left = 2 * node + 1
            guard left < heap.count else { return }
            let right = left + 1
            var worst = left
            if right < heap.count && heap[left].precedes(heap[right]) { worst = right }
            guard heap[node].precedes(heap[worst]) else { return }
            heap.swapAt(node, worst)
            node = worst
        }
    }
}

extension TermIndex {
    /// The BM25 relevance of `document` for query words given as the cursors `words` (each a term or a union of the
    /// terms it prefixes), all positioned on `document`: the sum over matched (word, term) pairs. Terms are added in
    /// id order whatever a union's heap order, so a document's score does not depend on the path that reached it.
    func relevance(of words: some Sequence<PostingCursor>, at document: UInt32) -> Double {
        var total = 0.0
        for word in words {
            var single: (term: Int, position: Int)?
            var several: [(term: Int, position: Int)] = []
            word.forEachPostingOnCurrent { term, position in
                if single == nil && several.isEmpty {
                    single = (term, position)
                } else {
                    if let first = single { several.append(first); single = nil }
                    several.append((term, position))
                }
            }
            if let single {
                total += bm25(term: single.term, frequency: Int(frequencies[single.position]), document: document)
            }
            for match in several.sorted(by: { $0.term < $1.term }) {
                total += bm25(term: match.term, frequency: Int(frequencies[match.position]), document: document)
            }
        }
        return total
    }
}
