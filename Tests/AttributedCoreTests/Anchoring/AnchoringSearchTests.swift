import Testing
@testable import AttributedCore

/// The quick searches behind anchoring (a quote's one occurrence found by stopping at a second; a cue's nearest
/// occurrence found by searching outward from the span) against the rules written out over Unicode scalars: every
/// occurrence listed, filtered, and the nearest or only one taken. Random texts of 1- to 4-byte scalars, combining
/// accents, curly quotes and runs of one letter (overlapping occurrences), with quotes at both ends of the text.
@Suite("Anchoring search")
struct AnchoringSearchTests {
    static let pieces = ["a", "b", "ab", " ", "é", "e\u{301}", "😀", "“", "”", "aa", ".", "\n"]

    static func randomText(_ generator: inout SeededGenerator, pieces count: Int) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// Every scalar offset at which `quote` occurs, overlapping ones too.
    static func occurrences(of quote: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Int] {
        guard !quote.isEmpty, quote.count <= text.count else { return [] }
        return (0...(text.count - quote.count)).filter { text[$0..<$0 + quote.count].elementsEqual(quote) }
    }

    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// 400 random texts of up to `pieces` pieces, each searched 8 times by `search`.
    static func forEachText(seed: UInt64, pieces: ClosedRange<Int>,
                            _ search: (inout SeededGenerator, String, [Unicode.Scalar], FieldText) -> Void) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<400 {
            let string = randomText(&generator, pieces: Int.random(in: pieces, using: &generator))
            let field = FieldText(string)
            for _ in 0..<8 { search(&generator, string, Array(string.unicodeScalars), field) }
        }
    }

    static func quotes(_ field: FieldText) -> QuoteAnchoring {
        QuoteAnchoring(field: field, fieldName: "the body", noun: "exact", wordsKey: "exact", source: .silent)
    }

    @Test func aQuoteIsPlacedExactlyWhenOneOccurrenceTouchesItsPrefixAndSuffix() {
        var placedOnes = 0
        Self.forEachText(seed: 32, pieces: 0...40) { generator, string, text, field in
            // Words from the text itself (so that they occur at least once), or made up.
            let words: [Unicode.Scalar]
            if !text.isEmpty, Bool.random(using: &generator) {
                let start = Int.random(in: 0..<text.count, using: &generator)
                words = Array(text[start..<min(text.count, start + Int.random(in: 1...6, using: &generator))])
            } else {
                words = Array(Self.randomText(&generator, pieces: Int.random(in: 1...3, using: &generator)).unicodeScalars)
            }
            let prefix = Bool.random(using: &generator) ? Self.pieces.randomElement(using: &generator)! : nil
            let suffix = Bool.random(using: &generator) ? Self.pieces.randomElement(using: &generator)! : nil
            let before = prefix.map { Array($0.unicodeScalars) } ?? []
            let after = suffix.map { Array($0.unicodeScalars) } ?? []
            let expected = Self.occurrences(of: words, in: text).filter { start in
                start >= before.count && text[start - before.count..<start].elementsEqual(before)
                    && start + words.count + after.count <= text.count
                    && text[start + words.count..<start + words.count + after.count].elementsEqual(after)
            }
            let selector = QuoteSelector(exact: Self.string(words), prefix: prefix, suffix: suffix)
            let placed = Self.quotes(field).anchor(selector)
            if expected.count == 1 {
                placedOnes += 1
                #expect(placed.map { Int($0.start)..<Int($0.end) } == expected[0]..<expected[0] + words.count,
                        "\(string.debugDescription) \(selector)")
            } else {
                #expect(placed == nil, "\(string.debugDescription) \(selector)")
            }
        }
        #expect(placedOnes > 300)  // of 3,200: the unique case is not rare
    }

    @Test func aCueIsPlacedAtItsOneNearestOccurrence() {
        var placedOnes = 0
        Self.forEachText(seed: 33, pieces: 1...60) { generator, string, text, field in
            let start = Int.random(in: 0..<text.count, using: &generator)
            let span = start..<min(text.count, start + Int.random(in: 1...8, using: &generator))
            let words = Array(Self.randomText(&generator, pieces: Int.random(in: 1...2, using: &generator)).unicodeScalars)
            func distance(_ start: Int) -> Int {
                max(0, start - span.upperBound, span.lowerBound - (start + words.count))
            }
            let found = Self.occurrences(of: words, in: text)
            let nearest = found.map(distance).min()
            let nearestOnes = found.filter { distance($0) == nearest }
            let cue = CueAnchoring(quotes: Self.quotes(field), span: span, spanBytes: field.byteRange(ofScalars: span))
            let placed = cue.anchor(Self.string(words))
            if nearestOnes.count == 1 {
                placedOnes += 1
                #expect(placed?.scalars == nearestOnes[0]..<nearestOnes[0] + words.count, "\(string.debugDescription) \(span)")
                #expect(placed.map { field.byteRange(ofScalars: $0.scalars) } == placed?.bytes)
            } else {
                #expect(placed == nil, "\(string.debugDescription) \(span) \(Self.string(words).debugDescription)")
            }
        }
        #expect(placedOnes > 300)
    }

    /// A cue far from its span, in a long text: the windows searched before the span grow until one holds it.
    @Test func aCueFarBeforeItsSpanIsFound() {
        let text = "said " + String(repeating: "x", count: 50_000) + " the plan"
        let field = FieldText(text)
        let span = text.unicodeScalars.count - 8..<text.unicodeScalars.count
        let cue = CueAnchoring(quotes: Self.quotes(field), span: span, spanBytes: field.byteRange(ofScalars: span))
        #expect(cue.anchor("said")?.scalars == 0..<4)
        #expect(QuoteSearch("said", in: field).last(endingBy: 4) == 0)
        #expect(QuoteSearch("said", in: field).last(endingBy: 3) == nil)
        #expect(QuoteSearch("plan", in: field).first(fromByte: 0, endingBy: text.utf8.count - 1) == nil)
        #expect(QuoteSearch("plan", in: field).first(fromByte: 0) == text.utf8.count - 4)
        #expect(QuoteSearch("the plan", in: field).first(fromByte: 0) == text.utf8.count - 8)
    }

    /// The messages of a quote that is not unique are those of a full search: every occurrence counted, five listed.
    @Test func anAmbiguousQuoteStillListsItsCandidates() throws {
        let issues = IssueCollector()
        let file = SourceFile(name: "x.json", bytes: Array(#"{"exact": "a"}"#.utf8))
        var parser = JSONParser(bytes: file.bytes)
        let node = try parser.parseEmbeddedValue()
        let reader = try #require(RecordReader(node, .root, ValueReader(file: file, issues: issues)))
        let field = FieldText("a, a, a, a, a, a; or a")
        let quotes = QuoteAnchoring(field: field, fieldName: "the body", noun: "exact", wordsKey: "exact", source: .object(reader))
        #expect(quotes.anchor(QuoteSelector(exact: "a")) == nil)
        #expect(quotes.anchor(QuoteSelector(exact: "a", prefix: "or ")) != nil)
        #expect(issues.sortedIssues.map(\.message) == [
            "exact \"a\" occurs 7 times in the body, at 0, 3, 6, 9, 12 and 2 more: add a \"prefix\", \"suffix\" or \"start\" to choose one",
        ])
    }
}
