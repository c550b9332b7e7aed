/// `q`: words, each matching every indexed term it begins, all of which must match (AND).
///
/// Folding (the same for the text indexed and the query): lower case, diacritics removed, punctuation and
/// anything else that is not a letter or a digit separating words. So `nunez` finds "Núñez", `Al-Ama` finds
/// "al ama", and `kh` finds "Khattab" but not "Sheikh".
struct SearchQuery {
    let terms: [String]

    init?(_ parameters: QueryParameters) throws(Problem) {
        guard let q = try parameters.string("q") else { return nil }
        terms = Self.essentialWords(TextFolding.terms(in: q))
    }

    /// The words that constrain anything, in query order: a repeat adds nothing, and neither does a word that
    /// begins another word of the query (whatever matches `khattab` matches `kh`). So the words' term ranges are
    /// disjoint, and however many words a `q` has, expanding them touches each dictionary term at most once.
    static func essentialWords(_ words: [String]) -> [String] {
        var kept: [String] = []
        for (index, word) in words.enumerated() where !kept.contains(word) {
            let implied = words.enumerated().contains { other, longer in
                other != index && longer != word && longer.utf8.starts(with: word.utf8)
            }
            if !implied { kept.append(word) }
        }
        return kept
    }

    /// The most indexed words a query's words may begin in all (Lucene's classic clause limit). Each is one more
    /// posting list to merge: over a newsroom's vocabulary a one-letter word begins tens of thousands, which cost
    /// milliseconds a request in id order and tens of them ranked. Past it the query is refused, never cut short
    /// (that would drop matches without a word); a longer prefix narrows it.
    static let maximumExpansions = 1_024

    /// One cursor per word: the union of the terms it prefixes. A query without a word matches nothing, so that it
    /// never widens a result to everything.
    func cursors(in index: TermIndex) throws(Problem) -> [PostingCursor] {
        Self.cursors(try ranges(in: index), in: index)
    }

    /// The cursors of words whose `ranges` are known already (a ranked page reads both).
    static func cursors(_ ranges: [Range<Int>], in index: TermIndex) -> [PostingCursor] {
        ranges.isEmpty ? [.empty] : ranges.map { PostingCursor.union(index.postings, $0) }
    }

    /// Each word's terms: the dictionary range it prefixes (disjoint, see `essentialWords`); a 400 naming the
    /// broadest word when they are more than `maximumExpansions` in all.
    func ranges(in index: TermIndex) throws(Problem) -> [Range<Int>] {
        let ranges = terms.map { index.termRange(prefix: $0) }
        let total = ranges.reduce(0) { $0 + $1.count }
        guard total > Self.maximumExpansions, let broadest = ranges.indices.max(by: { ranges[$0].count < ranges[$1].count })
        else { return ranges }
        throw .invalidParameter("q", "the words of q begin \(total) indexed words, more than the \(Self.maximumExpansions) " +
            "a search may expand to (\(quoted(terms[broadest])) alone begins \(ranges[broadest].count)): give it more letters")
    }
}
