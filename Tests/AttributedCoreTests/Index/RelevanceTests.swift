import Testing
@testable import AttributedCore

extension IndexTests {
    @Suite("Index: relevance", .timeLimit(.minutes(1)))
    struct RelevanceTests {
        /// Every page of a relevance-sorted query, read through keyset positions.
        static func rankedPages(_ index: TermIndex, words: [String], limit: Int) -> [[RankedMatch]] {
            var pages: [[RankedMatch]] = []
            var after: RankedMatch?
            while true {
                var conjunction = Conjunction(words.map(index.cursor(prefix:)))
                let page = RelevanceRanking.page(of: &conjunction, after: after, limit: limit) { conjunction, ordinal in
                    index.relevance(of: conjunction.cursors,
                                    inverseDocumentFrequencies: words.map { index.inverseDocumentFrequency(of: index.termRange(prefix: $0)) },
                                    at: ordinal)
                }
                pages.append(Array(page.prefix(limit)))
                guard page.count > limit else { return pages }
                after = page[limit - 1]
            }
        }

        static func ranked(_ index: TermIndex, _ words: [String]) -> [UInt32] {
            rankedPages(index, words: words, limit: 100).joined().map(\.ordinal)
        }

        @Test func aRepeatedTermBeatsASingleOneAtEqualLength() {
            let index = IndexTests.makeIndex(["apple banana", "apple apple", "cherry banana"])
            #expect(Self.ranked(index, ["apple"]) == [1, 0])
        }

        @Test func aRarerTermWeighsMore() throws {
            // "c" prefixes a rare "cat" and a common "cow": as one query word they weigh the same (all documents
            // have the same length), so the order is by ordinal; as terms, the rarer one weighs more.
            let index = IndexTests.makeIndex(["cow x", "cow y", "cat z", "cow w"])
            #expect(Self.ranked(index, ["c"]) == [0, 1, 2, 3])
            #expect(Self.ranked(index, ["cat"]) == [2])
            let cat = try #require(index.termRange(prefix: "cat").first)
            let cow = try #require(index.termRange(prefix: "cow").first)
            #expect(index.bm25(term: cat, frequency: 1, document: 0) > index.bm25(term: cow, frequency: 1, document: 0))
        }

        @Test func aShorterDocumentWeighsMore() {
            let index = IndexTests.makeIndex(["news one two three four five", "news one"])
            #expect(Self.ranked(index, ["news"]) == [1, 0])
        }

        @Test func bm25FollowsTheFormula() throws {
            let index = IndexTests.makeIndex(["a b b", "a c", "d"])
            let b = try #require(index.termRange(prefix: "b").first)
            let expectedIDF = 0.9808292530117262  // ln(1 + 2.5 / 1.5)
            let norm = 1.2 * (1 - 0.75 + 0.75 * 3 / 2)  // length 3, average 6 / 3
            #expect(abs(index.inverseDocumentFrequency(b) - expectedIDF) < 1e-12)
            #expect(abs(index.bm25(term: b, frequency: 2, document: 0) - expectedIDF * 2 * 2.2 / (2 + norm)) < 1e-12)
        }

        /// Scores equal a brute-force sum over (word, term) pairs, in word then term order.
        @Test func scoresSumEveryWordAsOneTerm() {
            var generator = SeededGenerator(seed: 23)
            let vocabulary = ["ka", "kab", "kac", "kb", "la", "lab", "m"]
            let texts = (0..<120).map { _ in
                (0..<Int.random(in: 1..<9, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
            }
            let index = IndexTests.makeIndex(texts)
            let words = ["ka", "k", "l"]
            let pages = Self.rankedPages(index, words: words, limit: 1000)
            let matches = pages.joined()
            #expect(!matches.isEmpty)
            for match in matches {
                // Each word is one term: the summed frequency of what it prefixes, the idf of their union.
                var expected = 0.0
                for word in words {
                    let range = index.termRange(prefix: word)
                    var frequency = 0
                    for term in range {
                        let bounds = index.postings.bounds(of: term)
                        if let position = index.postings.values[bounds].firstIndex(of: match.ordinal) {
                            frequency += Int(index.frequencies[position])
                        }
                    }
                    if frequency > 0 {
                        expected += index.bm25(inverseDocumentFrequency: index.inverseDocumentFrequency(of: range),
                                               frequency: frequency, document: match.ordinal)
                    }
                }
                #expect(match.score == expected)
            }
        }

        /// Pages of every size concatenate to the full order, with no duplicate and no gap, across many ties.
        @Test(arguments: [1, 2, 3, 7, 50])
        func pagesConcatenateToTheFullOrder(limit: Int) {
            var generator = SeededGenerator(seed: 31)
            let vocabulary = ["alpha", "alpine", "beta", "gamma", "delta"]
            let texts = (0..<300).map { _ in
                (0..<Int.random(in: 1..<5, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
            }
            let index = IndexTests.makeIndex(texts)
            var all = Conjunction([index.cursor(prefix: "al")])
            var full: [RankedMatch] = []
            while let ordinal = all.next() { full.append(RankedMatch(score: index.relevance(of: all.cursors, inverseDocumentFrequencies: [index.inverseDocumentFrequency(of: index.termRange(prefix: "al"))], at: ordinal), ordinal: ordinal)) }
            full.sort { $0.precedes($1) }
            #expect(Set(full.map(\.score)).count < full.count / 4)  // ties are the common case here

            let pages = Self.rankedPages(index, words: ["al"], limit: limit)
            #expect(Array(pages.joined()) == full)
            #expect(pages.dropLast().allSatisfy { $0.count == limit })
        }

        @Test func noMatchIsAnEmptyPage() {
            let index = IndexTests.makeIndex(["a", "b"])
            #expect(Self.rankedPages(index, words: ["zzz"], limit: 10) == [[]])
            #expect(Self.rankedPages(index, words: ["a", "b"], limit: 10) == [[]])
        }
    }
}
