import Testing
@testable import AttributedCore

/// The byte-level search behind quote anchoring, its conversion to scalar offsets, and near misses.
@Suite("Quote search")
struct QuoteSearchTests {
    /// Long enough for many checkpoints (one per 64 scalars), with 1-, 2-, 3- and 4-byte scalars throughout.
    static let mixed = String(repeating: "a é “b” 😀 ", count: 40) + "the end"

    @Test func everyByteOffsetOfAScalarBoundaryMapsToItsScalarOffset() {
        for text in [Self.mixed, "plain ASCII text", ""] {
            let field = FieldText(text)
            var byte = 0
            for (scalar, value) in text.unicodeScalars.enumerated() {
                #expect(field.scalarOffset(ofByte: byte) == scalar)
                #expect(field.byteOffset(ofScalar: scalar) == byte)
                byte += String(value).utf8.count
            }
            #expect(field.scalarOffset(ofByte: byte) == field.scalarCount)
        }
    }

    @Test func occurrencesAreEveryMatchInOrderOverlappingOnesToo() {
        let field = FieldText("aaa, “aa” and a😀aa")
        #expect(field.occurrences(of: "aa") == [0, 1, 8, 23])
        #expect(field.occurrences(of: "aa", fromByte: 2) == [8, 23])
        #expect(field.occurrences(of: "😀aa").map(field.scalarOffset(ofByte:)) == [15])
        #expect(field.occurrences(of: "b").isEmpty)
    }

    /// Repetitive text would make a naive search quadratic: `memmem` searches for a long needle with the Two-Way
    /// algorithm, linear whatever the bytes, and must find exactly what the naive one finds.
    @Test func repetitiveTextIsSearchedInLinearTimeWithTheSameResults() {
        let text = String(repeating: "a", count: 20_000) + "b" + String(repeating: "a", count: 3_000) + "ab"
        let needle = String(repeating: "a", count: 500) + "b"
        let field = FieldText(text)
        // Each "b" ends one match; the first alone costs the naive search 20,000 comparisons of up to 500 bytes.
        #expect(field.occurrences(of: needle) == [19_500, 22_502])
        #expect(field.occurrences(of: "aab") == [19_998, 23_000])
        #expect(field.occurrences(of: needle, fromByte: 19_501) == [22_502])
    }

    /// The index of a long field finds exactly what a pass over the field finds, for quotes of every length.
    @Test func theIndexOfALongFieldFindsWhatTheSearchFinds() {
        let field = FieldText(Self.mixed + " The plan 12 was approved; the plan 123 was approved. é😀 “a”")
        let index = QuoteIndex(field)
        let quotes = ["a", "é", "😀", "“b", "a é", "the plan 12", "the plan 12 was approved", "he plan 123 was",
                      "“a”", "b” 😀 a", "the end", "missing", "d", "."]
        for quote in quotes {
            for from in [0, 1, 100, field.withUTF8 { $0.count }] {
                #expect(index.occurrences(of: quote, fromByte: from, in: field) == field.occurrences(of: quote, fromByte: from),
                        "\(quote) from \(from)")
            }
        }
        #expect(index.occurrences(of: "plan 12 was approved", fromByte: 0, in: field).count == 1)
    }

    /// A worker indexes a long field only once it has searched it several times in a row.
    @Test func aLongFieldIsIndexedAfterSeveralSearches() {
        let long = FieldText(String(repeating: "a quote, ", count: 2_000))
        let cache = QuoteIndexCache()
        let first = (0..<QuoteIndexCache.searchesBeforeIndexing - 1).map { _ in cache.index(for: "a", .body, nil, text: long) }
        #expect(first.allSatisfy { $0 == nil })
        #expect(cache.index(for: "a", .body, nil, text: long) != nil)
        #expect(cache.index(for: "b", .body, nil, text: long) == nil)  // another field starts over
        #expect(QuoteIndexCache().index(for: "a", .body, nil, text: FieldText("short")) == nil)
    }

    @Test func aNearMissNamesWhatDiffers() throws {
        let field = FieldText("He said: “We’ll  reopen the street” — soon.")
        let miss = try #require(NearMiss.all(of: "we'll reopen", in: field).first)
        #expect(miss.text == "We’ll  reopen")
        #expect(miss.range == 10..<23)
        #expect(miss.differences == [.letterCase, .whitespace, .punctuation])
        #expect(miss.differenceDescription == "case, whitespace and quotes, apostrophes or dashes")
        #expect(NearMiss.all(of: "street\" - soon", in: field).first?.differences == [.punctuation])
        #expect(NearMiss.all(of: "reopened", in: field).isEmpty)
    }

    @Test func theClosestNearMissIsTheLeastDifferent() throws {
        let field = FieldText("THE PLAN. The  plan. The plan")
        let misses = NearMiss.all(of: "the plan", in: field)
        #expect(misses.map(\.range.lowerBound) == [0, 10, 21])
        #expect(misses.min { $0.distance < $1.distance }?.range.lowerBound == 21)
    }
}
