/// A page of one posting list (an article's claims) that knows where it stands in the list: the position of its
/// first item (`startIndex`), and the cursors of the pages before it, after it and at the end, as the Web
/// Annotation Protocol's pages link them (`prev`, `next`, `last`). A list's positions are random access, so all of
/// it costs a binary search and the page's own items: O(log n + limit).
struct ListPosition: Sendable {
    let ordinals: ArraySlice<UInt32>
    /// Steps of the binary search that found the page's start: with the items, what the page cost (`examined`).
    let searchSteps: Int
    let startIndex: Int
    let total: Int
    /// This page's own link, its cursor normalised to the item before it.
    let current: PageLink
    /// `next` is absent on the last page, `previous` on the first, `last` in an empty list.
    let previous: PageLink?
    let next: PageLink?
    let last: PageLink?

    enum PageLink: Equatable, Sendable {
        /// The first page, which takes no cursor.
        case first
        case after(String)
    }

    init(_ list: ArraySlice<UInt32>, request: PageRequest, id: (Int) -> String, count: Int) {
        let first = request.firstOrdinal(count: count, id: id)
        var low = list.startIndex
        var high = list.endIndex
        var steps = 0
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < first { low = mid + 1 } else { high = mid }
            steps += 1
        }
        searchSteps = steps
        let start = low - list.startIndex
        let limit = request.limit
        total = list.count
        startIndex = start
        ordinals = list[low..<min(low + limit, list.endIndex)]
        func link(startingAt position: Int) -> PageLink {
            position == 0 ? .first : .after(Cursor.afterId(Array(id(Int(list[list.startIndex + position - 1])).utf8)).encoded)
        }
        current = link(startingAt: start)
        next = start + limit < total ? link(startingAt: start + limit) : nil
        previous = start > 0 ? link(startingAt: max(0, start - limit)) : nil
        last = total > 0 ? link(startingAt: (total - 1) / limit * limit) : nil
    }
}
