/// Upper bounds of a relevance score per block of documents, for block-max pruning: a block whose bound is no better
/// than the worst match a page keeps cannot contribute, so the page seeks past it without scoring its documents.
struct ScoreBounds {
    /// log2 of the documents per block (as in `BlockMaxima`).
    let blockShift: Int
    /// Per block, at least the relevance of any document in it that matches every word.
    let bounds: [Double]

    /// The first block at or after `block` whose bound beats `score`, or nil when none does.
    func firstBlock(from block: Int, beating score: Double) -> Int? {
        var block = block
        while block < bounds.count {
            if bounds[block] > score { return block }
            block += 1
        }
        return nil
    }
}

extension TermIndex {
    /// Work a query may spend on its bounds (block entries plus rare postings read), past which it ranks unpruned: a
    /// word such as `p`, which prefixes thousands of frequent terms, would cost more to bound than to score.
    static let scoreBoundBudget = 1 << 20

    /// Per block, a bound of `relevance(of:inverseDocumentFrequencies:at:)` for the query words `words` (each the
    /// terms it prefixes) with idfs `idfs`; nil when bounding would exceed `budget`.
    ///
    /// A word's weight grows with its summed frequency and falls with the document's length, so one term's weight in
    /// a block is at most its weight at the block's highest frequency and shortest length; a word of several terms
    /// is bounded by the sum of its terms' bounds (the weight is concave in the frequency, so never above that sum),
    /// and a query by the sum of its words' bounds, added in the order `relevance` adds them. A single-term word's
    /// bound is computed exactly as its weight would be, so a tie with the kept matches is recognised as one.
    func scoreBounds(words: [Range<Int>], inverseDocumentFrequencies idfs: [Double],
                     budget: Int = scoreBoundBudget) -> ScoreBounds? {
        let blockCount = blockMaxima.blockCount
        var work = 0
        for terms in words {
            for term in terms {
                work += blockMaxima.table(of: term) == nil ? documentFrequency(term) : blockCount
                if work > budget { return nil }
            }
        }
        var total = [Double](repeating: 0, count: blockCount)
        var word = [Double](repeating: 0, count: blockCount)
        for (terms, idf) in zip(words, idfs) {
            for block in word.indices { word[block] = 0 }
            for term in terms { addBounds(of: term, inverseDocumentFrequency: idf, to: &word) }
            // Rounding could put a sum of several terms' weights a hair under the weight of their summed frequency.
            let slack = terms.count > 1 ? 1 + 1e-9 : 1
            for block in total.indices { total[block] += word[block] * slack }
        }
        return ScoreBounds(blockShift: blockMaxima.blockShift, bounds: total)
    }

    /// Adds to `bounds` the bound of `term`'s weight in each block: from its table, or from its postings when it has
    /// none.
    private func addBounds(of term: Int, inverseDocumentFrequency idf: Double, to bounds: inout [Double]) {
        if let table = blockMaxima.table(of: term) {
            for (block, entry) in zip(bounds.indices, table) where entry != 0 {
                bounds[block] += bm25(inverseDocumentFrequency: idf, frequency: BlockMaxima.frequency(entry),
                                      length: BlockMaxima.length(entry))
            }
            return
        }
        var block = -1
        var best = 0.0
        for (document, frequency) in zip(postings(term), frequencies(term)) {
            let documentBlock = Int(document) >> blockMaxima.blockShift
            if documentBlock != block {
                if block >= 0 { bounds[block] += best }
                block = documentBlock
                best = 0
            }
            best = max(best, bm25(inverseDocumentFrequency: idf, frequency: Int(frequency), document: document))
        }
        if block >= 0 { bounds[block] += best }
    }
}
