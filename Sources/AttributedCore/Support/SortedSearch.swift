extension RandomAccessCollection where Element: Comparable {
    /// The index of `value` in this ascending collection, by binary search; nil when it is absent.
    func sortedIndex(of value: Element) -> Index? {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = index(low, offsetBy: distance(from: low, to: high) / 2)
            if self[middle] < value { low = index(after: middle) } else { high = middle }
        }
        return low < endIndex && self[low] == value ? low : nil
    }
}
