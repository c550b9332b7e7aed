@testable import AttributedCore
import Testing

/// Highlights nest: coinciding ranges merge, a range inside another nests in it, a crossing one is split, and a cue
/// never splits a span.
@Suite struct TextHighlighterTests {
    func html(_ text: String, _ highlights: [Highlight]) -> String {
        var out = HTMLOutput()
        TextHighlighter.write(text, highlights: highlights, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    func claim(_ id: String, _ anonymity: Anonymity = .named, span: [Range<Int>], cues: [Range<Int>] = []) -> Highlight {
        Highlight(claimId: id, weakestAnonymity: anonymity, spanRanges: span, cueRanges: cues)
    }

    func mark(_ ids: String, _ anonymity: Anonymity = .named) -> String {
        #"<mark class="claim anonymity-\#(anonymity.rawValue)" data-claim-id="\#(ids)" tabindex="0">"#
    }

    @Test func disjointSpansAndPlainText() {
        #expect(html("abc def ghi", [claim("b", span: [4..<7]), claim("a", .anonymous, span: [0..<3])])
            == mark("a", .anonymous) + "abc</mark> " + mark("b") + "def</mark> ghi")
        #expect(html("plain", []) == "plain")
    }

    @Test func aSpanInsideAnotherNests() {
        #expect(html("0123456789", [claim("in", .unspecified, span: [3..<5]), claim("out", span: [1..<8])])
            == "0" + mark("out") + "12" + mark("in", .unspecified) + "34</mark>567</mark>89")
    }

    @Test func coincidingSpansAreOneElementWithEveryIdInTheWeakestColour() {
        #expect(html("abcdef", [claim("x", .partiallyIdentified, span: [1..<4]), claim("y", .anonymous, span: [1..<4])])
            == "a" + mark("x y", .anonymous) + "bcd</mark>ef")
    }

    @Test func aCrossingSpanIsSplitAtTheEndOfTheOneItStartsIn() {
        // first: 1..<5, second: 3..<8 → second split into 3..<5 (inside first) and 5..<8.
        #expect(html("0123456789", [claim("first", span: [1..<5]), claim("second", .anonymous, span: [3..<8])])
            == "0" + mark("first") + "12" + mark("second", .anonymous) + "34</mark></mark>" + mark("second", .anonymous) + "567</mark>89")
    }

    @Test func severalRangesOfOneClaimAreEachHighlighted() {
        // What a discontinuous span (segments) will give: one claim, two ranges.
        #expect(html("aa bb cc", [claim("s", span: [0..<2, 6..<8])]) == mark("s") + "aa</mark> bb " + mark("s") + "cc</mark>")
    }

    @Test func cuesAreMarkedForTheirClaimsAndNeverSplitASpan() {
        let cue = { (ids: String) in #"<span class="cue" data-cue-of="\#(ids)">"# }
        // A cue shared by two claims, outside their spans.
        #expect(html("told: x y", [claim("a", span: [6..<7], cues: [0..<4]), claim("b", span: [8..<9], cues: [0..<4])])
            == cue("a b") + "told</span>: " + mark("a") + "x</mark> " + mark("b") + "y</mark>")
        // A cue running into a span yields: closed where the span starts, reopened inside it.
        #expect(html("0123456789", [claim("c", span: [4..<9], cues: [2..<6])])
            == "01" + cue("c") + "23</span>" + mark("c") + cue("c") + "45</span>678</mark>9")
    }

    @Test func offsetsAreUnicodeScalarsAndTextIsEscaped() {
        // "’" is 3 UTF-8 bytes and one scalar; "🙂" is 4 bytes, 2 UTF-16 units and one scalar.
        #expect(html("a’🙂<b>&", [claim("z", span: [1..<4])]) == "a" + mark("z") + "’🙂&lt;</mark>b&gt;&amp;")
    }

    @Test func rangesOutsideTheTextAreClampedOrDropped() {
        #expect(html("abc", [claim("a", span: [1..<10]), claim("b", span: [5..<6])]) == "a" + mark("a") + "bc</mark>")
    }
}
