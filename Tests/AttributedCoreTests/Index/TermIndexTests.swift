import Testing
@testable import AttributedCore

extension IndexTests {
    @Suite("Index: term index")
    struct TermIndexTests {
        @Test func prefixRangeFindsTermsStartingWithIt() {
            let index = IndexTests.makeIndex(["Sheikh Khattab spoke", "Khan said", "nothing here"])
            #expect(index.termRange(prefix: "kh").map(index.term) == ["khan", "khattab"])
            #expect(index.termRange(prefix: "khattab").map(index.term) == ["khattab"])
            #expect(index.termRange(prefix: "sheikh").map(index.term) == ["sheikh"])
        }

        @Test(arguments: ["zz", "khattabs", "a", "kha1", "0"])
        func prefixMatchingNothingIsEmpty(_ prefix: String) {
            let index = IndexTests.makeIndex(["Sheikh Khattab spoke", "Khan said", "nothing here"])
            #expect(index.termRange(prefix: prefix).isEmpty)
            #expect(index.documentFrequency(in: index.termRange(prefix: prefix)) == 0)
        }

        @Test func emptyPrefixIsEveryTerm() {
            let index = IndexTests.makeIndex(["b a", "c"])
            #expect(index.termRange(prefix: "") == 0..<3)
        }

        @Test func termIDsFollowByteOrder() {
            let index = IndexTests.makeIndex(["zeta alpha Ärger beta alphabet al کراچی 10 9 東京 a"])
            let terms = (0..<index.termCount).map(index.term)
            #expect(terms == terms.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            #expect(Set(terms).count == terms.count)
            #expect(terms.first == "10" && terms.contains("arger"))
        }

        @Test func postingsFrequenciesAndLengths() throws {
            let index = IndexTests.makeIndex(["the cat sat on the mat", "", "The dog", "cat cat cat"])
            #expect(index.documentCount == 4)
            #expect((0..<4).map { index.documentLength(UInt32($0)) } == [6, 0, 2, 3])
            #expect(index.averageDocumentLength == 11.0 / 4)
            let the = try #require(index.termRange(prefix: "the").first)
            #expect(Array(index.postings(the)) == [0, 2])
            #expect(Array(index.frequencies(the)) == [2, 1])
            let cat = try #require(index.termRange(prefix: "cat").first)
            #expect(Array(index.postings(cat)) == [0, 3])
            #expect(Array(index.frequencies(cat)) == [1, 3])
            #expect(index.documentFrequency(cat) == 2)
        }

        @Test func documentFrequencyOfARangeSumsItsTerms() {
            let index = IndexTests.makeIndex(["kha khb", "khb", "khc x", "x"])
            let range = index.termRange(prefix: "kh")
            #expect(range.count == 3)
            #expect(index.documentFrequency(in: range) == 4)  // 1 + 2 + 1: an estimate, the union has 3
            #expect(index.documentFrequency(in: index.termRange(prefix: "x")) == 2)
        }

        /// Random documents over a small vocabulary: every posting list and frequency equals a direct count.
        @Test func matchesBruteForceOnRandomDocuments() {
            var generator = SeededGenerator(seed: 11)
            let vocabulary = (0..<40).map { "w\($0 % 7)x\($0)" }
            let documents = (0..<300).map { _ in
                (0..<Int.random(in: 0..<12, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            }
            let index = IndexTests.makeIndex(documents.map { $0.joined(separator: " ") })
            #expect(index.termCount == Set(documents.joined()).count)
            for term in 0..<index.termCount {
                let word = index.term(term)
                let holders = documents.indices.filter { documents[$0].contains(word) }
                #expect(Array(index.postings(term)) == holders.map(UInt32.init))
                #expect(Array(index.frequencies(term)) == holders.map { doc in UInt16(documents[doc].filter { $0 == word }.count) })
            }
            for doc in documents.indices { #expect(index.documentLength(UInt32(doc)) == documents[doc].count) }
        }

        /// Replaying the first pass's ids builds exactly the index that folding every text twice builds, in one pass,
        /// whether the kept ids fit one chunk or a document in several lands across them (or is larger than one).
        @Test(arguments: [nil, 1, 7, 16])
        func collectingOnceBuildsTheSameIndex(chunkCapacity: Int?) {
            var generator = SeededGenerator(seed: 23)
            let vocabulary = ["Núñez", "nunez", "al-Ama", "the", "THE", "cat", "cats", "emerging", "khattab", "x"]
            let texts = (0..<500).map { _ in
                (0..<Int.random(in: 0..<15, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
                    .joined(separator: " ")
            }
            // Shared words (a claim's sources' names): some also appear in the texts, one is a source's alone.
            let shared = ["Khattab Núñez", "", "police spokesman Khattab", "gazette"]
            var twice = 0, once = 0
            let folded = IndexTests.makeIndex(texts, shared: shared, passes: &twice)
            let replayed = IndexTests.makeIndex(texts, once: true, shared: shared, chunkCapacity: chunkCapacity, passes: &once)
            #expect((twice, once) == (2, 1))
            #expect(folded.termRange(prefix: "gazette").count == 1 && folded.termRange(prefix: "spokesman").count == 1)
            #expect(replayed.termCount == folded.termCount && replayed.documentCount == folded.documentCount)
            for term in 0..<folded.termCount {
                #expect(replayed.term(term) == folded.term(term))
                #expect(Array(replayed.postings(term)) == Array(folded.postings(term)))
                #expect(Array(replayed.frequencies(term)) == Array(folded.frequencies(term)))
            }
            for doc in texts.indices { #expect(replayed.documentLength(UInt32(doc)) == folded.documentLength(UInt32(doc))) }
        }

        @Test func frequenciesSaturate() throws {
            var builder = TermIndexBuilder()
            builder.collect { builder in
                var ids: [UInt32] = []
                builder.termIDs(in: "echo", into: &ids)
                builder.addDocument(Array(repeating: ids[0], count: 70_000))
            }
            let index = builder.build()
            #expect(Array(index.frequencies(0)) == [UInt16.max])
            #expect(index.documentLength(0) == Int(UInt16.max))
        }
    }
}
