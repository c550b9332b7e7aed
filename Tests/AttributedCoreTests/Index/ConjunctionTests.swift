import Testing
@testable import AttributedCore

extension IndexTests {
    @Suite("Index: conjunction", .timeLimit(.minutes(1)))
    struct ConjunctionTests {
        @Test func randomListsMatchBruteForce() {
            var generator = SeededGenerator(seed: 99)
            for round in 0..<80 {
                let bound: UInt32 = round % 2 == 0 ? 200 : 5000
                let sets = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                    IndexTests.randomList(count: Int.random(in: 0..<Int(bound) / 2, using: &generator), below: bound, using: &generator)
                }
                let lists = IndexTests.lists(sets)
                var cursors = sets.indices.map { PostingCursor.list(lists, $0) }
                if round % 3 == 0 { cursors.append(.all(Int(bound))) }
                let lowerBound = round % 4 == 0 ? UInt32.random(in: 0..<bound, using: &generator) : 0
                var conjunction = Conjunction(cursors)
                let expected = sets.dropFirst().reduce(Set(sets[0])) { $0.intersection($1) }.filter { $0 >= lowerBound }.sorted()
                #expect(IndexTests.drain(&conjunction, from: lowerBound) == expected)
                #expect(conjunction.examined <= sets.map(\.count).min()!)
            }
        }

        @Test func unionsJoinLikeTheirMergedLists() {
            var generator = SeededGenerator(seed: 17)
            for _ in 0..<30 {
                let sets = (0..<9).map { _ in
                    IndexTests.randomList(count: Int.random(in: 0..<60, using: &generator), below: 300, using: &generator)
                }
                let lists = IndexTests.lists(sets)
                var conjunction = Conjunction([.union(lists, 0..<4), .union(lists, 4..<9)])
                let left = Set(sets[0..<4].joined())
                let right = Set(sets[4..<9].joined())
                #expect(IndexTests.drain(&conjunction) == left.intersection(right).sorted())
            }
        }

        @Test func anEmptyListExaminesNothing() {
            let lists = IndexTests.lists([Array(0..<100_000), [], [5, 6]])
            var conjunction = Conjunction([.list(lists, 0), .list(lists, 1), .list(lists, 2)])
            #expect(conjunction.next(atLeast: 0) == nil)
            #expect(conjunction.examined == 0)
            var emptyCursor = Conjunction([.list(lists, 0), .empty])
            #expect(IndexTests.drain(&emptyCursor).isEmpty && emptyCursor.examined == 0)
            var none = Conjunction([])
            #expect(IndexTests.drain(&none).isEmpty && none.examined == 0)
        }

        @Test func aSingleShortListExaminesItsLength() {
            let lists = IndexTests.lists([[3, 8, 20]])
            var conjunction = Conjunction([.list(lists, 0)])
            #expect(IndexTests.drain(&conjunction) == [3, 8, 20])
            #expect(conjunction.examined == 3)
        }

        @Test func aRareListLeadsACommonOne() {
            let lists = IndexTests.lists([Array(0..<1_000_000), [10, 500_000, 999_999]])
            var conjunction = Conjunction([.list(lists, 0), .list(lists, 1)])
            #expect(IndexTests.drain(&conjunction) == [10, 500_000, 999_999])
            #expect(conjunction.examined <= 3)
            var withAll = Conjunction([.all(1_000_000), .list(lists, 0), .list(lists, 1)])
            #expect(IndexTests.drain(&withAll) == [10, 500_000, 999_999])
            #expect(withAll.examined <= 3)
        }

        /// Reads one page of `size` from a keyset lower bound, the way the server will: limit + 1 matches.
        static func page(_ cursors: [PostingCursor], from lowerBound: UInt32, size: Int) -> (matches: [UInt32], examined: Int) {
            var conjunction = Conjunction(cursors)
            var matches: [UInt32] = []
            var next = conjunction.next(atLeast: lowerBound)
            while let match = next, matches.count < size + 1 {
                matches.append(match)
                if matches.count < size + 1 { next = conjunction.next() }
            }
            return (matches, conjunction.examined)
        }

        @Test func aLaterPageCostsWhatTheFirstCosts() {
            let size = 20
            let lists = IndexTests.lists([Array(0..<1_000_000), Array(stride(from: 0, to: 1_000_000, by: 2)),
                                          Array(stride(from: 0, to: 1_000_000, by: 3))])
            // One broad list: page 50 starts after page 49's last ordinal.
            let first = Self.page([.list(lists, 0)], from: 0, size: size)
            let fiftieth = Self.page([.list(lists, 0)], from: UInt32(49 * size), size: size)
            #expect(fiftieth.matches == Array(UInt32(49 * size)..<UInt32(50 * size + 1)))
            #expect(first.examined == size + 1 && fiftieth.examined == size + 1)
            // Two broad lists: each match costs a bounded number of proposals, on page 1 as on page 5000.
            let pageOne = Self.page([.list(lists, 1), .list(lists, 2)], from: 0, size: size)
            let late = Self.page([.list(lists, 1), .list(lists, 2)], from: 600_000, size: size)
            #expect(pageOne.matches.first == 0 && late.matches.first == 600_000 && late.matches.last == 600_000 + 6 * UInt32(size))
            #expect(pageOne.examined <= 2 * (size + 1) && late.examined <= 2 * (size + 1))
        }

        @Test func nextAtLeastIsTheFirstMatchFromThere() {
            let lists = IndexTests.lists([[1, 4, 6, 9, 12], [4, 5, 6, 12, 13]])
            var conjunction = Conjunction([.list(lists, 0), .list(lists, 1)])
            #expect(conjunction.next(atLeast: 5) == 6)
            #expect(conjunction.next() == 12)
            #expect(conjunction.next() == nil)
            #expect(conjunction.next() == nil)
        }
    }
}
