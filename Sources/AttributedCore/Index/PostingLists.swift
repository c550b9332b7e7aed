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

/// Collects (list, value) pairs, then lays them out by a counting sort: 8 bytes per pair while building, nothing per
/// list but its count.
struct PostingListsBuilder {
    private var lists: [UInt32] = []
    private var values: [UInt32] = []
    private var counts: [UInt32]

    init(listCount: Int) {
        counts = Array(repeating: 0, count: listCount)
    }

    /// Values must arrive in ascending order within each list (lists may interleave); the sort is stable, so that
    /// order is kept.
    mutating func append(_ value: UInt32, toList list: Int) {
        counts[list] += 1
        lists.append(UInt32(list))
        values.append(value)
    }

    consuming func build() -> PostingLists {
        let offsets = Self.offsets(counts: counts)
        var next = offsets  // where each list's next value goes
        var flat = [UInt32](repeating: 0, count: values.count)
        for index in values.indices {
            let list = Int(lists[index])
            flat[Int(next[list])] = values[index]
            next[list] += 1
        }
        lists = []
        values = []
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
