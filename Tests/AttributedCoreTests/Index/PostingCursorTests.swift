import Testing
@testable import AttributedCore

extension IndexTests {
    @Suite("Index: posting cursors", .timeLimit(.minutes(1)))  // a broken seek loops rather than fails
    struct PostingCursorTests {
        /// Reference semantics over a sorted array: the position of the first value ≥ target, never moving back.
        struct Reference {
            let values: [UInt32]
            var position = 0
            var current: UInt32? { position < values.count ? values[position] : nil }
            mutating func seek(atLeast target: UInt32) { while position < values.count && values[position] < target { position += 1 } }
            mutating func advance() { if position < values.count { position += 1 } }
        }

        /// Random seeks (forward, backward, far, near) and advances agree with the reference at every step.
        static func checkAgainstReference(
            _ cursor: inout PostingCursor, _ values: [UInt32], bound: UInt32, using generator: inout SeededGenerator
        ) {
            var reference = Reference(values: values)
            #expect(cursor.current == reference.current)
            for _ in 0..<200 {
                if Bool.random(using: &generator) {
                    let base = reference.current ?? bound
                    let target = Bool.random(using: &generator)
                        ? UInt32.random(in: 0...bound, using: &generator)
                        : base &+ UInt32.random(in: 0..<20, using: &generator)
                    cursor.seek(atLeast: target)
                    reference.seek(atLeast: target)
                } else {
                    cursor.advance()
                    reference.advance()
                }
                #expect(cursor.current == reference.current)
                if cursor.current != reference.current { return }
            }
        }

        @Test func gallopingSeekMatchesBruteForce() {
            var generator = SeededGenerator(seed: 42)
            for round in 0..<60 {
                let bound = UInt32([10, 1000, 100_000][round % 3])
                let values = IndexTests.randomList(count: Int.random(in: 0..<500, using: &generator), below: bound, using: &generator)
                let lists = IndexTests.lists([[], values, [1]])  // neighbours: the cursor must stay inside its list
                var cursor = PostingCursor.list(lists, 1)
                #expect(cursor.estimatedCount == values.count)
                Self.checkAgainstReference(&cursor, values, bound: bound, using: &generator)
            }
        }

        @Test func seekLandsExactlyOnEveryValueAndGap() {
            let values: [UInt32] = Array(stride(from: 0, to: 3000, by: 3))
            for target in UInt32(0)...3001 {
                var cursor = ListCursor(values[...], list: 0)
                cursor.seek(atLeast: target)
                #expect(cursor.current == values.first { $0 >= target })
            }
        }

        @Test func unionMatchesBruteForce() {
            var generator = SeededGenerator(seed: 5)
            for _ in 0..<40 {
                let members = (0..<Int.random(in: 2..<12, using: &generator)).map { _ in
                    IndexTests.randomList(count: Int.random(in: 0..<80, using: &generator), below: 400, using: &generator)
                }
                let lists = IndexTests.lists([[7]] + members)
                var cursor = PostingCursor.union(lists, 1..<lists.count)
                #expect(cursor.estimatedCount == members.reduce(0) { $0 + $1.count })
                let union = Set(members.joined()).sorted()
                Self.checkAgainstReference(&cursor, union, bound: 400, using: &generator)
            }
        }

        @Test func unionReportsTheMembersOnItsCurrentDocument() {
            let members: [[UInt32]] = [[1, 4, 9], [4, 5], [2, 4, 9], [9, 10]]
            let lists = IndexTests.lists(members)
            var cursor = PostingCursor.union(lists, 0..<4)
            var seen: [UInt32: [Int]] = [:]
            while let document = cursor.current {
                var onDocument: [Int] = []
                cursor.forEachPostingOnCurrent { list, position in
                    #expect(lists.values[position] == document)
                    onDocument.append(list)
                }
                seen[document] = onDocument.sorted()
                cursor.advance()
            }
            #expect(seen == [1: [0], 2: [2], 4: [0, 1, 2], 5: [1], 9: [0, 2, 3], 10: [3]])
        }

        @Test func unionSeekMovesOnlyMembersBehind() {
            let lists = IndexTests.lists([[1, 50], [60, 70], [2, 3, 4, 55]])
            var union = UnionCursor((0..<3).map { ListCursor(lists[$0], list: $0) })
            union.seek(atLeast: 52)
            #expect(union.current == 55)
            #expect(union.members.map(\.current) == [nil, 60, 55])
            #expect(union.members[1].position == lists.bounds(of: 1).lowerBound)  // already ahead: untouched
        }

        @Test func emptyAndAll() {
            var empty = PostingCursor.empty
            #expect(empty.current == nil && empty.estimatedCount == 0)
            empty.seek(atLeast: 3)
            empty.advance()
            #expect(empty.current == nil)

            var all = PostingCursor.all(5)
            #expect(all.estimatedCount == 5)
            var seen: [UInt32] = []
            while let ordinal = all.current { seen.append(ordinal); all.advance() }
            #expect(seen == [0, 1, 2, 3, 4])
            var seeking = PostingCursor.all(5)
            seeking.seek(atLeast: 3)
            #expect(seeking.current == 3)
            seeking.seek(atLeast: 1)
            #expect(seeking.current == 3)
            seeking.seek(atLeast: 9)
            #expect(seeking.current == nil)
        }

        @Test func unionOfNoOrOneListIsNotAHeap() {
            let lists = IndexTests.lists([[1], [2]])
            if case .empty = PostingCursor.union(lists, 1..<1) {} else { Issue.record("expected .empty") }
            if case .list(let cursor) = PostingCursor.union(lists, 1..<2) { #expect(cursor.list == 1) } else { Issue.record("expected .list") }
        }
    }
}
