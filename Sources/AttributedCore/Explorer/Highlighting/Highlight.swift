/// What one claim highlights in one field of its article: the ranges of its span (one today; a discontinuous span
/// will give one per segment) and of its cues, in Unicode scalars of that field.
struct Highlight: Sendable {
    var claimId: String
    var weakestAnonymity: Anonymity
    var spanRanges: [Range<Int>]
    var cueRanges: [Range<Int>]

    /// Whether this claim's span is in `field` (and, for the summary, in bullet `index`).
    static func isIn(_ claim: Claim, field: ArticleField, index: Int?) -> Bool {
        claim.span.field == field && (field != .summary || claim.span.index == index)
    }

    init(claimId: String, weakestAnonymity: Anonymity, spanRanges: [Range<Int>], cueRanges: [Range<Int>]) {
        self.claimId = claimId
        self.weakestAnonymity = weakestAnonymity
        self.spanRanges = spanRanges
        self.cueRanges = cueRanges
    }

    init(_ claim: Claim, weakestAnonymity: Anonymity) {
        self.init(claimId: claim.id, weakestAnonymity: weakestAnonymity, spanRanges: claim.span.segments.map { $0.start..<$0.end },
                  cueRanges: claim.chain.compactMap { $0.cue.map { $0.start..<$0.end } })
    }
}
