/// Many ascending lists of `UInt32` in one flat array (compressed sparse rows): list `i` is
/// `values[offsets[i]..<offsets[i + 1]]`. Two allocations however many lists, where an array per list would cost a
/// header and a pointer each for a million mostly tiny lists.
struct PostingLists: Sendable {
    /// Every list's values, list after list.
    let values: [UInt32]
    /// `count + 1` ascending positions in `values`; the last one is `values.count`.
    let offsets: [UInt32]

    init(values: [UInt32], offsets: [UInt32]) {
        precondition(offsets.first == 0 && offsets.last.map(Int.init) == values.count, "offsets must span values")
        self.values = values
        self.offsets = offsets
    }

    var count: Int { offsets.count - 1 }

    /// List `list`, as a slice of `values`: its indices are positions in `values`, which parallel per-posting data
    /// (a term's frequencies) shares.
    subscript(list: Int) -> ArraySlice<UInt32> { values[bounds(of: list)] }

    /// The positions of list `list` in `values`.
    func bounds(of list: Int) -> Range<Int> { Int(offsets[list])..<Int(offsets[list + 1]) }

    /// The summed lengths of consecutive lists, in O(1).
    func totalCount(of lists: Range<Int>) -> Int { Int(offsets[lists.upperBound]) - Int(offsets[lists.lowerBound]) }
}

/// Builds posting lists in two passes over the same postings: the first counts each list's values, the second puts
/// each value in its place. Nothing is held but the lists themselves and a count per list (collecting the pairs
/// first would cost 8 bytes per posting, and more while the arrays grow, at the peak of a load).
///
///     var builder = PostingListsBuilder(listCount: n)
///     builder.collect { builder in for … { builder.append(value, toList: list) } }
///     let lists = builder.build()
struct PostingListsBuilder {
    private var counts: [UInt32]
    private var offsets: [UInt32] = []
    /// Where each list's next value goes, while placing.
    private var next: [UInt32] = []
    private var flat: [UInt32] = []
    private var placing = false

    init(listCount: Int) {
        counts = Array(repeating: 0, count: listCount)
    }

    /// Runs `postings` twice: counting, then placing. It must append the same postings both times.
    mutating func collect(_ postings: (inout PostingListsBuilder) -> Void) {
        postings(&self)
        startPlacing()
        postings(&self)
    }

    /// Several builders filled by one loop, run twice (counting, then placing), as `collect` does for one: `postings`
    /// appends to `builders[i]` what list family `i` holds.
    static func collect(listCounts: [Int], _ postings: (inout [PostingListsBuilder]) -> Void) -> [PostingLists] {
        var builders = listCounts.map { PostingListsBuilder(listCount: $0) }
        postings(&builders)
        for index in builders.indices { builders[index].startPlacing() }
        postings(&builders)
        return builders.map { $0.build() }
    }

    /// Values must arrive in ascending order within each list (lists may interleave).
    mutating func append(_ value: UInt32, toList list: Int) {
        if placing {
            flat[Int(next[list])] = value
            next[list] += 1
        } else {
            counts[list] += 1
        }
    }

    /// Ends the counting pass; for callers that fill several builders in one loop (`collect` does it for one).
    mutating func startPlacing() {
        precondition(!placing, "placing has begun")
        offsets = Self.offsets(counts: counts)
        counts = []
        next = offsets
        flat = [UInt32](repeating: 0, count: Int(offsets.last!))
        placing = true
    }

    consuming func build() -> PostingLists {
        precondition(placing && zip(next, offsets.dropFirst()).allSatisfy { $0 == $1 },
                     "the placing pass must append exactly what the counting pass counted")
        let result = PostingLists(values: flat, offsets: offsets)
        assert((0..<result.count).allSatisfy { list in zip(result[list], result[list].dropFirst()).allSatisfy { $0 < $1 } },
               "each list's values must be appended in strictly ascending order")
        return result
    }

    /// Exclusive prefix sums of `counts`, with the total appended.
    static func offsets(counts: [UInt32]) -> [UInt32] {
        var offsets = [UInt32](repeating: 0, count: counts.count + 1)
        var total: UInt32 = 0
        for (list, count) in counts.enumerated() {
            offsets[list] = total
            total += count
        }
        offsets[counts.count] = total
        return offsets
    }
}
