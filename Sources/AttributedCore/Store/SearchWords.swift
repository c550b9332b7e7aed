/// The distinct lower-cased words of some texts, sorted, for `q`: every query word must begin a word of the record.
struct SearchWords: Sendable {
    private let words: [String]

    init(_ texts: [String]) {
        words = Array(Set(texts.flatMap(Self.words(in:)))).sorted()
    }

    /// Words are runs of letters and digits; everything else separates them.
    static func words(in text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    func containsWord(startingWith prefix: String) -> Bool {
        var low = 0
        var high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        return low < words.count && words[low].hasPrefix(prefix)
    }

    /// A query without any word matches nothing: it must never widen a result to everything.
    func matchesAll(_ queryWords: [String]) -> Bool {
        !queryWords.isEmpty && queryWords.allSatisfy(containsWord(startingWith:))
    }
}
