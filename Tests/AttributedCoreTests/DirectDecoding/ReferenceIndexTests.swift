import Testing
@testable import AttributedCore

/// Ids to ordinals by bytes: every id found at its ordinal, by String and by bytes; near misses not found.
@Suite struct ReferenceIndexTests {
    @Test func findsEveryIdAndNothingElse() {
        let ids = (0..<1_000).map { "person-\($0)" } + ["gazette", "a", "Núñez", "x.y_z-1"]
        let index = ReferenceIndex(ids)
        for (ordinal, id) in ids.enumerated() {
            #expect(index.ordinal(of: id) == ordinal)
            #expect(Array(id.utf8).withUnsafeBufferPointer { index.ordinal($0) } == ordinal)
        }
        for missing in ["", "person-", "person-1000", "person-10 ", "Gazette", "gazett", "gazettee", "b", "Nunez"] {
            #expect(index.ordinal(of: missing) == nil, "\(missing)")
        }
    }

    @Test func aRepeatedIdIsFoundAtItsFirstOrdinalAndAnEmptyIndexFindsNothing() {
        let index = ReferenceIndex(["a", "b", "a"])
        #expect(index.ordinal(of: "a") == 0)
        #expect(index.ordinal(of: "b") == 1)
        #expect(ReferenceIndex([]).ordinal(of: "a") == nil)
        #expect(ReferenceIndex([]).ordinal(of: "") == nil)
    }
}
