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

    /// One cursor per word: the union of the terms it prefixes. A query without a word matches nothing, so that it
    /// never widens a result to everything.
    func cursors(in index: TermIndex) -> [PostingCursor] {
        guard !terms.isEmpty else { return [.empty] }
        return ranges(in: index).map { PostingCursor.union(index.postings, $0) }
    }

    /// Each word's terms: the dictionary range it prefixes.
    func ranges(in index: TermIndex) -> [Range<Int>] {
        terms.map { index.termRange(prefix: $0) }
    }
}
