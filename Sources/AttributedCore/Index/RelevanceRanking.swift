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
    /// extra one tells the caller another page exists. Keeps the best `limit + 1` in a heap, since any match may
    /// outrank those seen so far. Without `bounds` every match is scored, O(matches); with them, once the heap is
    /// full, a block of documents whose bound does not beat the worst kept match is sought past unscored (block-max
    /// pruning): matches arrive in ordinal order, so a later one with the same score ranks after every kept one.
    static func page(
        of conjunction: inout Conjunction, after position: RankedMatch?, limit: Int, bounds: ScoreBounds? = nil,
        score: (_ conjunction: borrowing Conjunction, _ ordinal: UInt32) -> Double
    ) -> [RankedMatch] {
        let capacity = limit + 1
        guard capacity > 0 else { return [] }
        // A max-heap by list order: the root is the worst match kept, the one a better match replaces.
        var kept: [RankedMatch] = []
        kept.reserveCapacity(min(capacity, 1024))
        var lowerBound: UInt32 = 0
        while let ordinal = conjunction.next(atLeast: lowerBound) {
            if let bounds, kept.count == capacity {
                let block = Int(ordinal) >> bounds.blockShift
                if bounds.bounds[block] <= kept[0].score {
                    guard let next = bounds.firstBlock(from: block + 1, beating: kept[0].score) else { break }
                    lowerBound = UInt32(next << bounds.blockShift)
                    continue
                }
            }
            let match = RankedMatch(score: score(conjunction, ordinal), ordinal: ordinal)
            if position.map({ $0.precedes(match) }) ?? true {
                if kept.count < capacity {
                    kept.append(match)
                    siftUp(&kept, from: kept.count - 1)
                } else if match.precedes(kept[0]) {
                    kept[0] = match
                    siftDown(&kept, from: 0)
                }
            }
            guard ordinal < .max else { break }
            lowerBound = ordinal + 1
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
    /// terms it prefixes), all positioned on `document`, with each word's idf (`inverseDocumentFrequency(of:)` of
    /// its terms, worked out once per query): each word is one term whose frequency is the sum of its matched
    /// terms' (see `TermIndex+BM25`).
    func relevance(of words: some Sequence<PostingCursor>, inverseDocumentFrequencies idfs: [Double],
                   at document: UInt32) -> Double {
        var total = 0.0
        for (word, idf) in zip(words, idfs) {
            var frequency = 0
            word.forEachPostingOnCurrent { _, position in frequency += Int(frequencies[position]) }
            if frequency > 0 { total += bm25(inverseDocumentFrequency: idf, frequency: frequency, document: document) }
        }
        return total
    }
}
