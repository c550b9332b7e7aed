@testable import AttributedCore

/// The index layer's suites, grouped so `swift test --filter Index` runs them all.
enum IndexTests {}

/// SplitMix64: a tiny seeded generator, so a random test that fails fails again the same way.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension IndexTests {
    /// `once`: through `collectOnce` (the texts folded once, their ids replayed), else `collect` (folded twice).
    /// Document `i` also holds the words of `shared[i % shared.count]`, interned first and (`once`) added again on
    /// replay rather than kept.
    static func makeIndex(_ texts: [String], blockShift: Int = BlockMaxima.defaultBlockShift,
                          blockMinimumDocuments: Int = BlockMaxima.defaultMinimumDocuments, once: Bool = false,
                          shared: [String] = [], chunkCapacity: Int? = nil, passes: UnsafeMutablePointer<Int>? = nil) -> TermIndex {
        var builder = TermIndexBuilder()
        if let chunkCapacity { builder.rememberedChunkCapacity = chunkCapacity }
        let sharedIDs = shared.map { text in
            var ids: [UInt32] = []
            builder.termIDs(in: text, into: &ids)
            return ids
        }
        var ids: [UInt32] = []
        let addDocuments = { (builder: inout TermIndexBuilder) in
            passes?.pointee += 1
            for (index, text) in texts.enumerated() {
                ids.removeAll()
                builder.termIDs(in: text, into: &ids)
                let own = ids.count
                if !sharedIDs.isEmpty { ids += sharedIDs[index % sharedIDs.count] }
                builder.addDocument(ids, ownCount: own)
            }
        }
        if once {
            builder.collectOnce(addDocuments) { document, ids in
                if !sharedIDs.isEmpty { ids += sharedIDs[document % sharedIDs.count] }
            }
        } else {
            builder.collect(addDocuments)
        }
        return builder.build(blockShift: blockShift, blockMinimumDocuments: blockMinimumDocuments)
    }

    /// `count` distinct ascending values below `bound`.
    static func randomList(count: Int, below bound: UInt32, using generator: inout SeededGenerator) -> [UInt32] {
        var values = Set<UInt32>()
        while values.count < min(count, Int(bound)) { values.insert(UInt32.random(in: 0..<bound, using: &generator)) }
        return values.sorted()
    }

    static func lists(_ lists: [[UInt32]]) -> PostingLists {
        var builder = PostingListsBuilder(listCount: lists.count)
        builder.collect { builder in
            for (list, values) in lists.enumerated() {
                for value in values { builder.append(value, toList: list) }
            }
        }
        return builder.build()
    }

    /// Every match of a conjunction, from `lowerBound`.
    static func drain(_ conjunction: inout Conjunction, from lowerBound: UInt32 = 0) -> [UInt32] {
        var matches: [UInt32] = []
        var next = conjunction.next(atLeast: lowerBound)
        while let match = next {
            matches.append(match)
            next = conjunction.next()
        }
        return matches
    }
}
