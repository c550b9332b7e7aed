/// The part of a field around one claim: its span and cues and some words either side, so that a claim's page shows
/// it in its context without the whole body.
struct Excerpt {
    let text: String
    let highlight: Highlight
    let cutBefore: Bool
    let cutAfter: Bool

    /// Scalars kept either side of the claim's span and cues.
    static let margin = 120

    init(of highlight: Highlight, in field: String) {
        let scalars = Array(field.unicodeScalars)
        let ranges = highlight.spanRanges + highlight.cueRanges
        var start = max(0, (ranges.map(\.lowerBound).min() ?? 0) - Self.margin)
        var end = min(scalars.count, (ranges.map(\.upperBound).max() ?? 0) + Self.margin)
        // Whole words at the cuts.
        while start > 0, !scalars[start - 1].properties.isWhitespace { start -= 1 }
        while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<end])
        self.text = text
        let shift = { (range: Range<Int>) in (range.lowerBound - start)..<(range.upperBound - start) }
        self.highlight = Highlight(claimId: highlight.claimId, weakestAnonymity: highlight.weakestAnonymity,
                                   spanRanges: highlight.spanRanges.map(shift), cueRanges: highlight.cueRanges.map(shift))
        cutBefore = start > 0
        cutAfter = end < scalars.count
    }

    func write(into out: inout HTMLOutput) {
        if cutBefore { out.raw("… ") }
        TextHighlighter.write(text, highlights: [highlight], into: &out)
        if cutAfter { out.raw(" …") }
    }
}
