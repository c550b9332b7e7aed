/// Sourcing indicators as the API shows them (docs/indicators.md): an article's, or a selection's with `articles`
/// first. Counts are written straight from the fixed-size records; `meanDepth` with exactly two decimals.
enum IndicatorsJSON {
    static func write(_ counts: SourcingCounts, into out: inout JSONOutput) {
        out.raw("{")
        writeMembers(counts, into: &out)
        out.raw("}")
    }

    static func write(_ aggregate: SourcingIndicators.Aggregate, into out: inout JSONOutput) {
        out.member(#"{"articles":"#, aggregate.articles)
        out.raw(",")
        writeMembers(aggregate.counts, into: &out)
        out.raw("}")
    }

    private static func writeMembers(_ counts: SourcingCounts, into out: inout JSONOutput) {
        out.member(#""claims":"#, counts.claims)
        out.raw(#","byWeakestAnonymity":"#)
        write(counts.byWeakestAnonymity, into: &out)
        out.member(#","namedOrigin":"#, counts.namedOrigin)
        out.member(#","sources":"#, counts.sources)
        out.raw(#","sourcesByAnonymity":"#)
        write(counts.sourcesByAnonymity, into: &out)
        out.member(#","unnamedSourcesWithReason":"#, counts.unnamedSourcesWithReason)
        out.member(#","unnamedSourcesWithoutReason":"#, counts.unnamedSourcesWithoutReason)
        out.member(#","documentSourced":"#, counts.documentSourced)
        out.member(#","secondHand":"#, counts.secondHand)
        out.member(#","hedged":"#, counts.hedged)
        out.member(#","declinedComment":"#, counts.declinedComment)
        out.member(#","maxDepth":"#, counts.maxDepth)
        out.raw(#","meanDepth":"#)
        out.raw(Array(decimal(hundredths: counts.meanDepthHundredths).utf8))
        out.member(#","corroborated":"#, counts.corroborated)
    }

    /// Keys in the order of `Anonymity`, spelled as in the dataset.
    private static func write(_ counts: AnonymityCounts, into out: inout JSONOutput) {
        for (index, anonymity) in Anonymity.allCases.enumerated() {
            out.raw(index == 0 ? "{" : ",")
            out.vocabulary(anonymity)
            out.raw(":")
            out.int(counts[anonymity])
        }
        out.raw("}")
    }

    /// `225` → `2.25`, `7` → `0.07`.
    static func decimal(hundredths: UInt64) -> String {
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
