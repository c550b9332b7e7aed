// How anchoring messages name fields and list places.

/// A field named as messages name it: "the body", "the headline", "summary bullet 0".
func fieldDescription(_ field: ArticleField, index: Int?) -> String {
    switch field {
    case .headline: "the headline"
    case .body: "the body"
    case .summary: "summary bullet \(index ?? 0)"
    }
}

/// "at 4", "at 4 and 19", "at 1, 2, 3, 4, 5 and 3 more": candidate offsets, at most five of them.
func offsetList(_ offsets: [Int]) -> String {
    let shown = offsets.prefix(5).map(String.init)
    let more = offsets.count - shown.count
    return "at " + listed(more > 0 ? shown + ["\(more) more"] : shown)
}

/// "a", "a and b", "a, b and c"
func listed(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
}
