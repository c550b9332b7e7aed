/// A W3C quote selector as a dataset writes it: the words, and whatever of their position the author gave.
/// Offsets are optional (the words are then searched for); a prefix and suffix, when given, must touch the words.
struct QuoteSelector {
    var exact: String
    var start: Int?
    var end: Int?
    var prefix: String?
    var suffix: String?

    var givesPosition: Bool { start != nil || end != nil }
}

/// Where a selector's problems are reported: at one of its keys (`exact`, `start`, …), or, for a cue written as a
/// bare string, at the string whatever the key. (An enum rather than a closure: no allocation per selector.)
enum SelectorSource {
    case object(RecordReader)
    case string(ValueReader, JSONNode, JSONPath)
    /// Nowhere: the claim decoder's direct path only needs to know that a check failed (see `decodeClaimDirectly`).
    case silent

    func report(_ message: String, _ key: String) {
        switch self {
        case .object(let reader): reader.report(message, at: key)
        case .string(let values, let node, let path): values.report(message, node, path)
        case .silent: break
        }
    }
}
