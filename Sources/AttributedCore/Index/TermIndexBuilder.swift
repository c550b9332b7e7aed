/// Builds a `TermIndex`: documents are numbered 0, 1, 2… in the order they are added.
///
/// The documents are added twice (see `collect`): the first pass interns their terms and counts, per term, the
/// documents that hold it; the second puts each (document, frequency) straight into its term's place. Documents
/// arrive in order, so every posting list comes out ascending, and nothing is held per posting but the index
/// itself: collecting (term, document) pairs first cost 14 bytes per posting at the peak of a load, for an index of 6.
///
///     var builder = TermIndexBuilder()
///     builder.collect { builder in
///         for text in texts { var ids: [UInt32] = []; builder.termIDs(in: text, into: &ids); builder.addDocument(ids) }
///     }
///     let index = builder.build()
struct TermIndexBuilder {
    private var dictionary = TermDictionary()
    private var documentLengths: [UInt16] = []
    /// Reused by `addDocument` to group a document's term ids.
    private var sorted: [UInt32] = []
    /// Counting pass: documents per term (by id in order of interning).
    private var counts: [UInt32] = []
    /// Placing pass: term ids in byte order, each id's rank in it, the lists and where each list's next entry goes.
    private var placing = false
    private var order: [UInt32] = []
    private var rank: [UInt32] = []
    private var offsets: [UInt32] = []
    private var next: [UInt32] = []
    private var documents: [UInt32] = []
    private var frequencies: [UInt16] = []
    private var placedDocuments = 0
    /// `collectOnce`'s counting pass: every document's own term ids, end to end in chunks (so that growing never
    /// copies, which briefly held them twice), and how many each document has.
    private var remembering = false
    private var rememberedChunks: [[UInt32]] = []
    private var rememberedCounts: [UInt32] = []
    /// Ids a chunk holds (tests make it small, so that documents land across many chunks).
    var rememberedChunkCapacity = 1 << 20

    init() {}

    var documentCount: Int { documentLengths.count }

    /// Runs `addDocuments` twice: counting, then placing. It must add the same documents both times.
    mutating func collect(_ addDocuments: (inout TermIndexBuilder) -> Void) {
        addDocuments(&self)
        startPlacing()
        addDocuments(&self)
    }

    /// `collect` with `addDocuments` run once: the counting pass keeps each document's own term ids and the placing
    /// pass replays them, `shared(document, &ids)` adding the rest again: terms that many documents share (a claim's
    /// sources' names), cheap to look up again and costly to keep per document. Folding and interning is most of an
    /// index's build; the kept ids cost 4 bytes an occurrence until they are placed and given back.
    mutating func collectOnce(_ addDocuments: (inout TermIndexBuilder) -> Void,
                              addingShared shared: (_ document: Int, _ ids: inout [UInt32]) -> Void = { _, _ in }) {
        remembering = true
        addDocuments(&self)
        remembering = false
        // glibc keeps what it is given back in its heaps, where RSS still counts it: the counting pass's scratch,
        // and below each replayed chunk, are handed back to the system at once, so that the index grows in their
        // place instead of beside them (without this, a million claims' load peaked ~40 MB above its steady size).
        Allocator.returnFreedMemory()
        startPlacing()
        var (chunks, counts) = (rememberedChunks, rememberedCounts)
        (rememberedChunks, rememberedCounts) = ([], [])
        var document: [UInt32] = []
        var chunk = 0, position = 0
        for (index, count) in counts.enumerated() {
            let count = Int(count)
            // A document that did not fit its chunk's room starts the next one (see `remember`).
            if position + count > chunks[chunk].count {
                chunks[chunk] = []  // replayed: given back
                Allocator.returnFreedMemory()
                chunk += 1
                position = 0
            }
            document.removeAll(keepingCapacity: true)
            document.append(contentsOf: chunks[chunk][position..<position + count])
            position += count
            shared(index, &document)
            addDocument(document)
        }
    }

    private mutating func remember(_ ids: some Collection<UInt32>) {
        let count = ids.count
        if rememberedChunks.isEmpty || rememberedChunks[rememberedChunks.count - 1].count + count
            > rememberedChunks[rememberedChunks.count - 1].capacity {
            var next: [UInt32] = []
            next.reserveCapacity(max(rememberedChunkCapacity, count))
            rememberedChunks.append(next)
        }
        rememberedChunks[rememberedChunks.count - 1].append(contentsOf: ids)
        rememberedCounts.append(UInt32(count))
    }

    /// Folds and tokenizes `text` (see `TextFolding`), interns its terms and appends one id per occurrence to `ids`.
    mutating func termIDs(in text: String, into ids: inout [UInt32]) {
        TextFolding.forEachTermBytes(in: text) { ids.append(dictionary.intern($0)) }
    }

    /// Adds the next document from the ids of its term occurrences (a repeated id is a higher term frequency). A
    /// document with no term is still numbered: it simply matches no word.
    ///
    /// In `collectOnce`'s counting pass, only the first `ownCount` ids (all when nil) are kept: the rest must be what
    /// its `shared` adds for this document.
    mutating func addDocument(_ termIDs: some Collection<UInt32>, ownCount: Int? = nil) {
        if remembering { remember(termIDs.prefix(ownCount ?? termIDs.count)) }
        sortForGrouping(termIDs)
        if !placing, counts.count < dictionary.count {
            counts.append(contentsOf: repeatElement(0, count: dictionary.count - counts.count))
        }
        let document = UInt32(placedDocuments)
        var index = 0
        while index < sorted.count {
            let term = Int(sorted[index])
            precondition(term < dictionary.count, "term ids must come from this builder's termIDs(in:into:)")
            var end = index + 1
            while end < sorted.count && Int(sorted[end]) == term { end += 1 }
            if placing {
                let list = Int(rank[term])
                let position = Int(next[list])
                documents[position] = document
                frequencies[position] = UInt16(clamping: end - index)
                next[list] += 1
            } else {
                counts[term] += 1
            }
            index = end
        }
        if placing {
            placedDocuments += 1
        } else {
            documentLengths.append(UInt16(clamping: termIDs.count))
        }
    }

    /// A document's term ids in order, so that repeats are adjacent.
    private mutating func sortForGrouping(_ termIDs: some Collection<UInt32>) {
        sorted.removeAll(keepingCapacity: true)
        sorted.append(contentsOf: termIDs)
        guard sorted.count > 64 else {
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
            return
        }
        sorted.sort()
    }

    /// Ends the counting pass: terms are numbered in byte order and every list gets its room.
    private mutating func startPlacing() {
        precondition(!placing, "placing has begun")
        if counts.count < dictionary.count {
            counts.append(contentsOf: repeatElement(0, count: dictionary.count - counts.count))
        }
        order = sortedTermOrder()
        rank = [UInt32](repeating: 0, count: order.count)  // old id → id in byte order
        var countsInOrder = [UInt32](repeating: 0, count: order.count)
        for (newID, oldID) in order.enumerated() {
            rank[Int(oldID)] = UInt32(newID)
            countsInOrder[newID] = counts[Int(oldID)]
        }
        counts = []
        offsets = PostingListsBuilder.offsets(counts: countsInOrder)
        next = offsets
        documents = [UInt32](repeating: 0, count: Int(offsets.last!))
        frequencies = [UInt16](repeating: 0, count: Int(offsets.last!))
        placing = true
    }

    /// The index; `blockShift` and `blockMinimumDocuments` shape its `BlockMaxima` (tests make small blocks).
    consuming func build(blockShift: Int = BlockMaxima.defaultBlockShift,
                         blockMinimumDocuments: Int = BlockMaxima.defaultMinimumDocuments) -> TermIndex {
        if !placing { startPlacing() }  // nothing was added: no documents, no terms
        precondition(placedDocuments == documentLengths.count && zip(next, offsets.dropFirst()).allSatisfy { $0 == $1 },
                     "the placing pass must add exactly the documents the counting pass added")
        dictionary.finishInterning()
        var termBytes: [UInt8] = []
        termBytes.reserveCapacity(dictionary.bytes.count)
        var termOffsets: [UInt32] = [0]
        termOffsets.reserveCapacity(order.count + 1)
        for oldID in order {
            termBytes.append(contentsOf: dictionary.term(Int(oldID)))
            termOffsets.append(UInt32(termBytes.count))
        }
        return TermIndex(
            termBytes: termBytes, termOffsets: termOffsets,
            postings: PostingLists(values: documents, offsets: offsets), frequencies: frequencies,
            documentLengths: documentLengths, blockShift: blockShift, blockMinimumDocuments: blockMinimumDocuments
        )
    }

    /// Old term ids in the order of their bytes.
    private func sortedTermOrder() -> [UInt32] {
        let offsets = dictionary.offsets
        return dictionary.bytes.withUnsafeBufferPointer { arena in
            ByteOrder.sortedPositions(count: dictionary.count) {
                UnsafeBufferPointer(rebasing: arena[Int(offsets[$0])..<Int(offsets[$0 + 1])])
            }.map { UInt32($0) }
        }
    }
}
