/// A forward cursor over one ascending posting list.
struct ListCursor {
    /// The list's number in its `PostingLists` (for a `TermIndex`, the term id).
    let list: Int
    private let values: ArraySlice<UInt32>
    /// The current position in the flat `values` array of the lists (so also in a term's `frequencies`);
    /// `values.endIndex` once exhausted.
    private(set) var position: Int

    init(_ values: ArraySlice<UInt32>, list: Int) {
        self.list = list
        self.values = values
        position = values.startIndex
    }

    var count: Int { values.count }

    var current: UInt32? { position < values.endIndex ? values[position] : nil }

    /// The values from the current one on.
    var remaining: ArraySlice<UInt32> { values[position...] }

    mutating func advance() {
        if position < values.endIndex { position += 1 }
    }

    /// Moves to the first value ≥ `target` (never backwards). Galloping: probe 1, 2, 4… ahead, then binary search the
    /// last step, so a seek costs O(log distance) — cheap both for a rare list leading and a common list following.
    mutating func seek(atLeast target: UInt32) {
        guard position < values.endIndex, values[position] < target else { return }
        // Invariant: values[low] < target, and values[high] ≥ target when high < endIndex.
        var low = position
        var step = 1
        var high = position + 1
        while high < values.endIndex && values[high] < target {
            low = high
            step &*= 2
            high = position + step
        }
        high = min(high, values.endIndex)
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if values[middle] < target { low = middle } else { high = middle }
        }
        position = high
    }
}

/// Every ordinal of `0..<count`: the cursor of "no filter".
struct AllCursor {
    let count: UInt32
    private(set) var next: UInt32 = 0

    init(count: UInt32) { self.count = count }

    var current: UInt32? { next < count ? next : nil }

    mutating func advance() {
        if next < count { next += 1 }
    }

    mutating func seek(atLeast target: UInt32) { next = max(next, min(target, count)) }
}
