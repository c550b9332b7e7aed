/// Builds a `TermIndex`: documents are numbered 0, 1, 2… in the order they are added.
///
/// Per distinct (document, term) pair it keeps 6 bytes (the term id and its frequency), in document order; `build()`
/// then lays the pairs out term by term with a counting sort, so every posting list comes out ascending for free.
struct TermIndexBuilder {
    private var dictionary = TermDictionary()
    private var pairTerms: [UInt32] = []
    private var pairFrequencies: [UInt16] = []
    /// `documentCount + 1` positions in the pair arrays.
    private var documentStarts: [UInt32] = [0]
    private var documentLengths: [UInt16] = []
    /// Reused by `addDocument` to group a document's term ids.
    private var sorted: [UInt32] = []

    init() {}

    var documentCount: Int { documentLengths.count }

    /// Folds and tokenizes `text` (see `TextFolding`), interns its terms and appends one id per occurrence to `ids`.
    mutating func termIDs(in text: String, into ids: inout [UInt32]) {
        TextFolding.forEachTermBytes(in: text) { ids.append(dictionary.intern($0)) }
    }

    /// Adds the next document from the ids of its term occurrences (a repeated id is a higher term frequency). A
    /// document with no term is still numbered: it simply matches no word.
    mutating func addDocument(_ termIDs: [UInt32]) {
        sorted.removeAll(keepingCapacity: true)
        sorted.append(contentsOf: termIDs)
        if sorted.count <= 64 {
            // Insertion sort: a document's few dozen ids, without the general sort's set-up.
            sorted.withUnsafeMutableBufferPointer { ids in
                for index in ids.indices.dropFirst() {
                    let id = ids[index]
                    var slot = index
                    while slot > 0 && ids[slot - 1] > id {
                        ids[slot] = ids[slot - 1]
                        slot -= 1
                    }
                    ids[slot] = id
                }
            }
        } else {
            sorted.sort()
        }
        var index = 0
        while index < sorted.count {
            let term = sorted[index]
            precondition(Int(term) < dictionary.count, "term ids must come from this builder's termIDs(in:into:)")
            var end = index + 1
            while end < sorted.count && sorted[end] == term { end += 1 }
            pairTerms.append(term)
            pairFrequencies.append(UInt16(clamping: end - index))
            index = end
        }
        documentStarts.append(UInt32(pairTerms.count))
        documentLengths.append(UInt16(clamping: termIDs.count))
    }

    consuming func build() -> TermIndex {
        dictionary.finishInterning()
        let termCount = dictionary.count
        let order = sortedTermOrder()
        var rank = [UInt32](repeating: 0, count: termCount)  // old id → id in byte order
        for (newID, oldID) in order.enumerated() { rank[Int(oldID)] = UInt32(newID) }

        var termBytes: [UInt8] = []
        termBytes.reserveCapacity(dictionary.bytes.count)
        var termOffsets: [UInt32] = [0]
        termOffsets.reserveCapacity(termCount + 1)
        for oldID in order {
            termBytes.append(contentsOf: dictionary.term(Int(oldID)))
            termOffsets.append(UInt32(termBytes.count))
        }
        dictionary = TermDictionary()

        var counts = [UInt32](repeating: 0, count: termCount)
        for index in pairTerms.indices {
            let term = Int(rank[Int(pairTerms[index])])
            pairTerms[index] = UInt32(term)
            counts[term] += 1
        }
        rank = []
        let offsets = PostingListsBuilder.offsets(counts: counts)
        counts = []
        let (documents, frequencies) = scatterPostings(offsets: offsets)
        return TermIndex(
            termBytes: termBytes, termOffsets: termOffsets,
            postings: PostingLists(values: documents, offsets: offsets), frequencies: frequencies,
            documentLengths: documentLengths
        )
    }

    /// Lays the pairs (already renumbered) out term by term, documents ascending within each term. Writing each pair
    /// straight to its term's next slot misses the cache almost every time over hundreds of megabytes, so pairs are
    /// first partitioned into about a thousand buckets of consecutive terms (a thousand sequential write streams),
    /// then each bucket is placed within its own small region of the output.
    private mutating func scatterPostings(offsets: [UInt32]) -> (documents: [UInt32], frequencies: [UInt16]) {
        let termCount = offsets.count - 1
        let pairCount = pairTerms.count
        // Terms per bucket: 2^shift, at most 2^16 so a record packs (term in bucket, frequency, document) in 64 bits.
        let shift = min(16, max(0, (UInt64.bitWidth - UInt64(termCount).leadingZeroBitCount) - 10))
        let bucketCount = (termCount >> shift) + 1
        func bucketStart(_ bucket: Int) -> Int { Int(offsets[min(bucket << shift, termCount)]) }

        var records = [UInt64](repeating: 0, count: pairCount)
        var bucketNext = (0..<bucketCount).map(bucketStart)
        records.withUnsafeMutableBufferPointer { records in
            for document in 0..<documentLengths.count {
                for index in Int(documentStarts[document])..<Int(documentStarts[document + 1]) {
                    let term = Int(pairTerms[index])
                    let bucket = term >> shift
                    records[bucketNext[bucket]] = UInt64(term & (1 << shift - 1)) << 48
                        | UInt64(pairFrequencies[index]) << 32 | UInt64(document)
                    bucketNext[bucket] += 1
                }
            }
        }
        pairTerms = []
        pairFrequencies = []
        documentStarts = []

        var next = offsets
        var documents = [UInt32](repeating: 0, count: pairCount)
        var frequencies = [UInt16](repeating: 0, count: pairCount)
        documents.withUnsafeMutableBufferPointer { documents in
            frequencies.withUnsafeMutableBufferPointer { frequencies in
                for bucket in 0..<bucketCount {
                    for record in records[bucketStart(bucket)..<bucketStart(bucket + 1)] {
                        let term = bucket << shift | Int(record >> 48)
                        let position = Int(next[term])
                        documents[position] = UInt32(truncatingIfNeeded: record)
                        frequencies[position] = UInt16(truncatingIfNeeded: record >> 32)
                        next[term] = UInt32(position + 1)
                    }
                }
            }
        }
        return (documents, frequencies)
    }

    /// Old term ids in the order of their bytes. Sorting (first 8 bytes as a big-endian key, id) pairs keeps most
    /// comparisons on integers; only terms sharing 8 bytes compare the arena.
    private func sortedTermOrder() -> [UInt32] {
        let bytes = dictionary.bytes
        let offsets = dictionary.offsets
        var keyed = [(key: UInt64, id: UInt32)]()
        keyed.reserveCapacity(dictionary.count)
        for id in 0..<dictionary.count {
            var key: UInt64 = 0
            let start = Int(offsets[id])
            let end = Int(offsets[id + 1])
            for index in 0..<8 { key = key << 8 | UInt64(start + index < end ? bytes[start + index] : 0) }
            keyed.append((key, UInt32(id)))
        }
        bytes.withUnsafeBufferPointer { arena in
            keyed.sort { left, right in
                if left.key != right.key { return left.key < right.key }
                return Self.lexicographicallyPrecedes(
                    arena, Int(offsets[Int(left.id)])..<Int(offsets[Int(left.id) + 1]),
                    Int(offsets[Int(right.id)])..<Int(offsets[Int(right.id) + 1])
                )
            }
        }
        return keyed.map(\.id)
    }

    private static func lexicographicallyPrecedes(
        _ arena: UnsafeBufferPointer<UInt8>, _ left: Range<Int>, _ right: Range<Int>
    ) -> Bool {
        let common = min(left.count, right.count)
        for offset in 0..<common {
            let a = arena[left.lowerBound + offset]
            let b = arena[right.lowerBound + offset]
            if a != b { return a < b }
        }
        return left.count < right.count
    }
}
