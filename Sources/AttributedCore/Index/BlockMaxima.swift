/// Per frequent term and per block of consecutive documents, the highest frequency and the shortest length of the
/// documents in the block that hold the term: enough to bound the term's BM25 weight anywhere in the block, so a
/// relevance page can skip blocks that cannot beat what it has kept (block-max pruning).
///
/// Only terms held by at least `minimumDocuments` documents get a table: a rarer term's postings are cheap to bound
/// at query time (`TermIndex+ScoreBounds`). A table is one `UInt32` per block, `frequency << 16 | length`, and 0
/// where the block has no posting of the term; at a million documents and 1,024 per block that is 4 KB per term.
struct BlockMaxima: Sendable {
    /// log2 of the documents per block.
    let blockShift: Int
    let blockCount: Int
    let minimumDocuments: Int
    /// The terms with a table, ascending, and their tables in the same order, `blockCount` entries each.
    private let terms: [UInt32]
    private let tables: [UInt32]

    static let defaultBlockShift = 10
    static let defaultMinimumDocuments = 1024

    init(postings: PostingLists, frequencies: [UInt16], documentLengths: [UInt16],
         blockShift: Int = Self.defaultBlockShift, minimumDocuments: Int = Self.defaultMinimumDocuments) {
        precondition((0..<32).contains(blockShift) && minimumDocuments > 0)
        self.blockShift = blockShift
        self.minimumDocuments = minimumDocuments
        blockCount = (documentLengths.count + (1 << blockShift) - 1) >> blockShift
        let terms = (0..<postings.count).filter { postings.totalCount(of: $0..<$0 + 1) >= minimumDocuments }.map(UInt32.init)
        var tables = [UInt32](repeating: 0, count: terms.count * blockCount)
        let blockCount = blockCount
        postings.values.withUnsafeBufferPointer { documents in
            frequencies.withUnsafeBufferPointer { frequencies in
                documentLengths.withUnsafeBufferPointer { lengths in
                    tables.withUnsafeMutableBufferPointer { tables in
                        for (slot, term) in terms.enumerated() {
                            let base = slot * blockCount
                            for position in postings.bounds(of: Int(term)) {
                                let document = Int(documents[position])
                                let entry = base + (document >> blockShift)
                                let old = tables[entry]
                                let frequency = max(UInt32(frequencies[position]), old >> 16)
                                let length = old == 0 ? UInt32(lengths[document]) : min(UInt32(lengths[document]), old & 0xFFFF)
                                tables[entry] = frequency << 16 | length
                            }
                        }
                    }
                }
            }
        }
        self.terms = terms
        self.tables = tables
    }

    var byteCount: Int { 4 * terms.count + 4 * tables.count }

    /// The table of `term`, or nil when the term is too rare to have one.
    func table(of term: Int) -> ArraySlice<UInt32>? {
        guard let slot = terms.sortedIndex(of: UInt32(term)) else { return nil }
        return tables[(slot * blockCount)..<((slot + 1) * blockCount)]
    }

    static func frequency(_ entry: UInt32) -> Int { Int(entry >> 16) }
    static func length(_ entry: UInt32) -> Int { Int(entry & 0xFFFF) }
}
