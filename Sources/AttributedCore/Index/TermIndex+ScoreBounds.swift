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
    /// Work a query may spend on its bounds (block entries plus postings read, `boundingCost`), past which it ranks
    /// unpruned: a word whose terms hold a large part of the corpus would cost more to bound than to score.
    static let scoreBoundBudget = 1 << 20

    /// The block entries and postings that bounding a word reads: a term's table (or its postings, without one); for
    /// several terms, the most frequent one's likewise and every other one's postings (`addUnionBounds`).
    func boundingCost(of terms: Range<Int>) -> Int {
        func alone(_ term: Int) -> Int { blockMaxima.table(of: term) == nil ? documentFrequency(term) : blockMaxima.blockCount }
        guard terms.count > 1, let largest = mostFrequent(of: terms) else { return terms.isEmpty ? 0 : alone(terms.lowerBound) }
        return alone(largest) + documentFrequency(in: terms) - documentFrequency(largest)
    }

    private func mostFrequent(of terms: Range<Int>) -> Int? { terms.max { documentFrequency($0) < documentFrequency($1) } }

    /// Per block, a bound of `relevance(of:inverseDocumentFrequencies:at:)` for the query words `words` (each the
    /// terms it prefixes) with idfs `idfs`; nil when bounding would exceed `budget`.
    ///
    /// A word's weight grows with its summed frequency and falls with the document's length, so one term's weight in
    /// a block is at most its weight at the block's highest frequency and shortest length; a word of several terms
    /// is bounded by the most its summed frequency can be (`addUnionBounds`), and a query by the sum of its words'
    /// bounds, added in the order `relevance` adds them. Each bound is computed by the function that weighs a match,
    /// at a frequency no lower and a length no longer, so a tie with the kept matches is recognised as one.
    func scoreBounds(words: [Range<Int>], inverseDocumentFrequencies idfs: [Double],
                     budget: Int = scoreBoundBudget) -> ScoreBounds? {
        let blockCount = blockMaxima.blockCount
        var work = 0
        for terms in words {
            work += boundingCost(of: terms)
            if work > budget { return nil }
        }
        var total = [Double](repeating: 0, count: blockCount)
        var word = [Double](repeating: 0, count: blockCount)
        for (terms, idf) in zip(words, idfs) {
            for block in word.indices { word[block] = 0 }
            if terms.count == 1 {
                addBounds(of: terms.lowerBound, inverseDocumentFrequency: idf, to: &word)
            } else if !terms.isEmpty {
                addUnionBounds(of: terms, inverseDocumentFrequency: idf, to: &word)
            }
            for block in total.indices { total[block] += word[block] }
        }
        return ScoreBounds(blockShift: blockMaxima.blockShift, bounds: total)
    }

    /// Sets `bounds` to the bound of a several-term word's weight in each block: the most its frequency, the sum of
    /// its terms', can be there. Its most frequent term is bounded on its own, as a one-term word is (that bounds a
    /// document holding no other term); every other term's postings are read and summed per document, and a document
    /// holding any of them is bounded by that sum plus the most frequent term's highest frequency in its block, at
    /// its own length. (Adding up each term's own bound instead let a prefix's rare completions, a few in every block,
    /// lift every block past any page's worst match: with "the" in every claim, `q=th&sort=relevance` scored all of a
    /// million claims.)
    private func addUnionBounds(of terms: Range<Int>, inverseDocumentFrequency idf: Double, to bounds: inout [Double]) {
        guard let largest = mostFrequent(of: terms) else { return }
        // Without a table the most frequent term's postings are as cheap to read as the others'.
        let largestTable = blockMaxima.table(of: largest)
        if largestTable != nil { addBounds(of: largest, inverseDocumentFrequency: idf, to: &bounds) }
        let others = terms.filter { $0 != largest || largestTable == nil }
        forEachHolder(of: others) { document, frequency in
            let block = Int(document) >> blockMaxima.blockShift
            let largestMost = largestTable.map { BlockMaxima.frequency($0[$0.startIndex + block]) } ?? 0
            let weight = bm25(inverseDocumentFrequency: idf, frequency: frequency + largestMost, document: document)
            bounds[block] = max(bounds[block], weight)
        }
    }

    /// Calls `body` once for each document that holds any of `terms`, with their frequencies in it summed. Each
    /// term's list is ascending, but they interleave: a few postings are sorted together, many are summed in a
    /// table over every document (cheaper than sorting past a few thousand).
    private func forEachHolder(of terms: [Int], _ body: (_ document: UInt32, _ frequency: Int) -> Void) {
        let count = terms.reduce(0) { $0 + documentFrequency($1) }
        guard count > 4096 else {
            var entries: [UInt64] = []
            entries.reserveCapacity(count)
            for term in terms {
                for (document, frequency) in zip(postings(term), frequencies(term)) { entries.append(UInt64(document) << 16 | UInt64(frequency)) }
            }
            entries.sort()
            var index = 0
            while index < entries.count {
                let document = UInt32(truncatingIfNeeded: entries[index] >> 16)
                var frequency = 0
                while index < entries.count && UInt32(truncatingIfNeeded: entries[index] >> 16) == document {
                    frequency += Int(entries[index] & 0xFFFF)
                    index += 1
                }
                body(document, frequency)
            }
            return
        }
        var sums = [UInt32](repeating: 0, count: documentCount)
        var holders: [UInt32] = []
        for term in terms {
            for (document, frequency) in zip(postings(term), frequencies(term)) {
                if sums[Int(document)] == 0 { holders.append(document) }
                sums[Int(document)] &+= UInt32(frequency)
            }
        }
        for document in holders { body(document, Int(sums[Int(document)])) }
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
