/// An immutable inverted index over folded terms, for word search and BM25 relevance.
///
/// Term ids follow the byte order of the folded terms, so the terms a query word prefixes are one id range, and
/// their summed document frequencies are one subtraction of posting offsets. Memory: the terms in one UTF-8 arena
/// plus 4 bytes of offset each, 4 bytes (document) + 2 bytes (frequency) per posting, 2 bytes per document length.
final class TermIndex: Sendable {
    private let termBytes: [UInt8]
    private let termOffsets: [UInt32]
    /// Per term, the ascending numbers of the documents holding it.
    let postings: PostingLists
    /// Parallel to `postings.values`: the term's frequency in that document, saturating at `UInt16.max`.
    let frequencies: [UInt16]
    /// Term occurrences per document, saturating at `UInt16.max`.
    private let documentLengths: [UInt16]
    let averageDocumentLength: Double
    /// Per frequent term and block of documents, what bounds its weight there: relevance pages skip blocks by it.
    let blockMaxima: BlockMaxima

    init(termBytes: [UInt8], termOffsets: [UInt32], postings: PostingLists, frequencies: [UInt16], documentLengths: [UInt16],
         blockShift: Int = BlockMaxima.defaultBlockShift, blockMinimumDocuments: Int = BlockMaxima.defaultMinimumDocuments) {
        precondition(termOffsets.count == postings.offsets.count && frequencies.count == postings.values.count)
        self.termBytes = termBytes
        self.termOffsets = termOffsets
        self.postings = postings
        self.frequencies = frequencies
        self.documentLengths = documentLengths
        let total = documentLengths.reduce(0) { $0 + Int($1) }
        averageDocumentLength = documentLengths.isEmpty ? 0 : Double(total) / Double(documentLengths.count)
        blockMaxima = BlockMaxima(postings: postings, frequencies: frequencies, documentLengths: documentLengths,
                                  blockShift: blockShift, minimumDocuments: blockMinimumDocuments)
    }

    var documentCount: Int { documentLengths.count }

    /// Bytes held by the index's arrays (their counts; capacities may be slightly larger): for memory figures.
    var byteCount: Int {
        termBytes.count + 4 * termOffsets.count + 4 * postings.values.count + 4 * postings.offsets.count
            + 2 * frequencies.count + 2 * documentLengths.count + blockMaxima.byteCount
    }
    var termCount: Int { termOffsets.count - 1 }

    func term(_ id: Int) -> String { String(decoding: termBytes[termByteRange(id)], as: UTF8.self) }

    /// The ascending documents holding term `id`; the slice's indices are positions in `frequencies` too.
    func postings(_ term: Int) -> ArraySlice<UInt32> { postings[term] }

    func frequencies(_ term: Int) -> ArraySlice<UInt16> { frequencies[postings.bounds(of: term)] }

    /// Documents holding term `id`.
    func documentFrequency(_ term: Int) -> Int { postings.totalCount(of: term..<term + 1) }

    /// Summed document frequencies of a range of terms, in O(1): the size of their union when no document holds
    /// two of them, an overestimate otherwise (what a planner needs to pick the rarest word).
    func documentFrequency(in range: Range<Int>) -> Int { postings.totalCount(of: range) }

    func documentLength(_ document: UInt32) -> Int { Int(documentLengths[Int(document)]) }

    /// The ids of every term that starts with `prefix` (already folded, as `TextFolding` gives it), by binary search.
    /// The empty prefix gives every term.
    func termRange(prefix: String) -> Range<Int> {
        var prefix = prefix
        return prefix.withUTF8 { prefix in
            termBytes.withUnsafeBufferPointer { arena in
                // The first term not below the prefix, then the first after it that the prefix does not start.
                let lower = partitionPoint { compare(arena, $0, prefix) >= 0 }
                let upper = partitionPoint(from: lower) { compare(arena, $0, prefix) == 1 }
                return lower..<upper
            }
        }
    }

    private func termByteRange(_ id: Int) -> Range<Int> { Int(termOffsets[id])..<Int(termOffsets[id + 1]) }

    /// -1, 0 or 1 as term `id` sorts before the prefix, starts with it, or sorts after every term that starts with it.
    private func compare(_ arena: UnsafeBufferPointer<UInt8>, _ id: Int, _ prefix: UnsafeBufferPointer<UInt8>) -> Int {
        let range = termByteRange(id)
        for offset in 0..<prefix.count {
            guard offset < range.count else { return -1 }
            let byte = arena[range.lowerBound + offset]
            if byte != prefix[offset] { return byte < prefix[offset] ? -1 : 1 }
        }
        return 0
    }

    /// The first term id in `from..<termCount` where `isAbove` holds, given it holds for every id after.
    private func partitionPoint(from start: Int = 0, _ isAbove: (Int) -> Bool) -> Int {
        var low = start
        var high = termCount
        while low < high {
            let middle = (low + high) / 2
            if isAbove(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension TermIndex {
    /// The cursor of one folded query word: the union of every term it prefixes.
    func cursor(prefix: String) -> PostingCursor { .union(postings, termRange(prefix: prefix)) }
}
