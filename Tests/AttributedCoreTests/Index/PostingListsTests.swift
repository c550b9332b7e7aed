import Testing
@testable import AttributedCore

extension IndexTests {
    @Suite("Index: posting lists")
    struct PostingListsTests {
        @Test func interleavedAppendsBuildEachList() {
            var builder = PostingListsBuilder(listCount: 4)
            var passes = 0
            builder.collect { builder in
                passes += 1
                builder.append(5, toList: 2)
                builder.append(1, toList: 0)
                builder.append(7, toList: 2)
                builder.append(3, toList: 0)
                builder.append(9, toList: 2)
            }
            #expect(passes == 2)
            let lists = builder.build()
            #expect(lists.count == 4)
            #expect(Array(lists[0]) == [1, 3])
            #expect(lists[1].isEmpty)
            #expect(Array(lists[2]) == [5, 7, 9])
            #expect(lists[3].isEmpty)
            #expect(lists.values == [1, 3, 5, 7, 9])
            #expect(lists.offsets == [0, 2, 2, 5, 5])
            #expect(lists.totalCount(of: 1..<3) == 3)
        }

        @Test func noListsAndEmptyLists() {
            var none = PostingListsBuilder(listCount: 0)
            none.collect { _ in }
            #expect(none.build().count == 0)
            var three = PostingListsBuilder(listCount: 3)
            three.collect { _ in }
            let empty = three.build()
            #expect(empty.count == 3 && (0..<3).allSatisfy { empty[$0].isEmpty })
        }

        @Test func randomListsRoundTrip() {
            var generator = SeededGenerator(seed: 3)
            let expected = (0..<200).map { _ in
                IndexTests.randomList(count: Int.random(in: 0..<30, using: &generator), below: 1000, using: &generator)
            }
            let lists = IndexTests.lists(expected)
            #expect((0..<expected.count).map { Array(lists[$0]) } == expected)
        }
    }
}
