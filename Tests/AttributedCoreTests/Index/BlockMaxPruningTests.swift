import Testing
@testable import AttributedCore

extension IndexTests {
    @Suite("Index: block-max pruning of relevance pages", .timeLimit(.minutes(1)))
    struct BlockMaxPruningTests {
        /// Every page of a relevance query, with or without block bounds, and the candidates each page examined.
        static func pages(_ index: TermIndex, words: [String], limit: Int, pruned: Bool) -> (pages: [[RankedMatch]], examined: [Int]) {
            let ranges = words.map { index.termRange(prefix: $0) }
            let idfs = ranges.map(index.inverseDocumentFrequency(of:))
            let bounds = pruned ? index.scoreBounds(words: ranges, inverseDocumentFrequencies: idfs) : nil
            if pruned { #expect(bounds != nil) }
            var pages: [[RankedMatch]] = []
            var examined: [Int] = []
            var after: RankedMatch?
            while true {
                var conjunction = Conjunction(words.map(index.cursor(prefix:)))
                let page = RelevanceRanking.page(of: &conjunction, after: after, limit: limit, bounds: bounds) { conjunction, ordinal in
                    index.relevance(of: conjunction.cursors, inverseDocumentFrequencies: idfs, at: ordinal)
                }
                pages.append(Array(page.prefix(limit)))
                examined.append(conjunction.examined)
                guard page.count > limit else { return (pages, examined) }
                after = page[limit - 1]
            }
        }

        /// Pruning never changes a page: random texts, blocks of 4 documents, tables for terms in ≥ 3 documents (so
        /// both the tables and the rare terms' postings bound), single words, prefixes and several words.
        @Test(arguments: [1, 3, 10])
        func prunedPagesEqualUnprunedOnes(limit: Int) {
            var generator = SeededGenerator(seed: 47)
            let vocabulary = ["raid", "raids", "raided", "rare", "police", "polio", "karachi", "city", "x", "y"]
            let texts = (0..<400).map { _ in
                (0..<Int.random(in: 1..<12, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
            }
            let index = IndexTests.makeIndex(texts, blockShift: 2, blockMinimumDocuments: 3)
            for words in [["raid"], ["ra"], ["rare"], ["pol", "karachi"], ["raid", "city", "x"], ["r", "p"], ["r", "c"], ["p"]] {
                let plain = Self.pages(index, words: words, limit: limit, pruned: false)
                let pruned = Self.pages(index, words: words, limit: limit, pruned: true)
                #expect(pruned.pages == plain.pages, "\(words)")
                #expect(zip(pruned.examined, plain.examined).allSatisfy { $0 <= $1 }, "\(words)")
            }
        }

        /// The best few of many equal matches come from the first blocks; every later block ties at best and is
        /// skipped, so a first page examines a small part of the matches rather than all of them.
        @Test func aFirstPageSkipsBlocksThatCannotBeatIt() {
            let texts = (0..<4096).map { $0 % 7 == 0 ? "plan approved" : "plan approved by the council after a long debate" }
            let index = IndexTests.makeIndex(texts, blockShift: 6, blockMinimumDocuments: 16)
            let plain = Self.pages(index, words: ["plan"], limit: 20, pruned: false)
            let pruned = Self.pages(index, words: ["plan"], limit: 20, pruned: true)
            #expect(pruned.pages[0] == plain.pages[0])
            #expect(pruned.pages[0].map(\.ordinal) == (0..<20).map { UInt32($0 * 7) })
            #expect(plain.examined[0] == 4096)
            #expect(pruned.examined[0] <= 3 * 64)
        }

        /// A prefix over a term in every document and rare completions in every block: its bound in a block is the
        /// most the word's summed frequency reaches there, so once the page holds documents with a completion, the
        /// blocks that cannot beat them are skipped. (Adding up each term's own bound, every block beat them.)
        @Test func aPrefixOfACommonTermAndRareCompletionsSkipsBlocks() {
            let texts: [String] = (0..<1024).map { (document: Int) -> String in
                document % 16 == 5 ? "the report thx\(document)" : document % 3 == 0 ? "the long report here" : "the report"
            }
            let index = IndexTests.makeIndex(texts, blockShift: 4, blockMinimumDocuments: 8)
            #expect(index.blockMaxima.table(of: index.termRange(prefix: "the").first!) != nil)
            let plain = Self.pages(index, words: ["th"], limit: 10, pruned: false)
            let pruned = Self.pages(index, words: ["th"], limit: 10, pruned: true)
            #expect(pruned.pages == plain.pages)
            let completions: [UInt32] = (0..<10).map { UInt32($0 * 16 + 5) }
            #expect(pruned.pages[0].map(\.ordinal) == completions)
            #expect(plain.examined[0] == 1024)
            #expect(pruned.examined[0] <= 12 * 16, "\(pruned.examined[0])")
        }

        /// The same with a second frequent completion ("then", in every fifth document): only the most frequent term is
        /// bounded by its block maximum, so documents with "then" alone are not taken to hold a completion as well.
        @Test func aPrefixOfTwoFrequentTermsAndRareCompletionsSkipsBlocks() {
            // A completion alone is a shorter document than the three-term ones ("the then thx…", the best): bounded
            // as if it held "then" as well, it would outweigh them, and every block would be scored.
            let texts: [String] = (0..<1024).map { (document: Int) -> String in
                guard document % 16 == 5 else { return document % 5 == 0 ? "the then report here" : "the report" }
                return document % 5 == 0 ? "the then thx\(document)" : "the thx\(document)"
            }
            let index = IndexTests.makeIndex(texts, blockShift: 4, blockMinimumDocuments: 8)
            #expect(index.blockMaxima.table(of: index.termRange(prefix: "then").first!) != nil)
            let plain = Self.pages(index, words: ["th"], limit: 3, pruned: false)
            let pruned = Self.pages(index, words: ["th"], limit: 3, pruned: true)
            #expect(pruned.pages == plain.pages)
            let threefold: [UInt32] = [5, 85, 165]  // "the then thx…": every 80th document
            #expect(pruned.pages[0].map(\.ordinal) == threefold)
            #expect(plain.examined[0] == 1024)
            #expect(pruned.examined[0] <= 512, "\(pruned.examined[0])")
        }

        @Test func aTableHoldsEachBlocksHighestFrequencyAndShortestLength() throws {
            // Blocks of 2: documents 0-1, 2-3, 4.
            let index = IndexTests.makeIndex(["a a b", "a", "b b b", "a a a a c", "c"], blockShift: 1, blockMinimumDocuments: 2)
            let a = try #require(index.termRange(prefix: "a").first)
            let table = try #require(index.blockMaxima.table(of: a))
            #expect(table.map(BlockMaxima.frequency) == [2, 4, 0])
            #expect(table.map(BlockMaxima.length) == [1, 5, 0])
            let b = try #require(index.termRange(prefix: "b").first)
            #expect(index.blockMaxima.table(of: b) != nil)
            #expect(index.blockMaxima.table(of: index.termRange(prefix: "c").first!) != nil)
            let rare = IndexTests.makeIndex(["a", "b"], blockShift: 1, blockMinimumDocuments: 2)
            #expect(rare.blockMaxima.table(of: 0) == nil)
        }

        @Test func aWordThatPrefixesTooMuchIsRankedUnpruned() {
            // Bounding a word of several terms reads its most frequent term's table and every other term's postings:
            // past the budget, no bounds.
            let texts = (0..<64).map { "w\($0) w\($0 + 1)" }
            let index = IndexTests.makeIndex(texts, blockShift: 2, blockMinimumDocuments: 1)  // every term has a table
            let ranges = [index.termRange(prefix: "w")]
            let largest = ranges[0].max { index.documentFrequency($0) < index.documentFrequency($1) }!
            let cost = index.blockMaxima.blockCount + ranges[0].filter { $0 != largest }.reduce(0) { $0 + index.documentFrequency($1) }
            #expect(index.boundingCost(of: ranges[0]) == cost)
            #expect(index.scoreBounds(words: ranges, inverseDocumentFrequencies: [1], budget: cost) != nil)
            #expect(index.scoreBounds(words: ranges, inverseDocumentFrequencies: [1], budget: cost - 1) == nil)
        }
    }
}
