/// The sourcing indicators for people: a panel with every indicator (article and publisher pages), and a one-line
/// summary (the article list). Definitions: docs/indicators.md.
enum IndicatorPanel {
    static func write(_ counts: SourcingCounts, articles: UInt32? = nil, json: String, into out: inout HTMLOutput) {
        out.raw(#"<section class="indicators" aria-labelledby="indicators-title"><h2 id="indicators-title">Sourcing indicators</h2><dl>"#)
        if let articles { row("Articles", articles, into: &out) }
        row("Claims", counts.claims, into: &out)
        out.raw("<dt>Claims by their weakest source</dt><dd class=\"wide\">")
        writeBar(counts.byWeakestAnonymity, into: &out)
        writeBreakdown(counts.byWeakestAnonymity, into: &out)
        out.raw("</dd>")
        row("Claims whose origin is named", counts.namedOrigin, of: counts.claims, into: &out)
        row("Distinct sources, the publisher excluded", counts.sources, into: &out)
        out.raw("<dt>Sources by anonymity</dt><dd class=\"wide\">")
        writeBreakdown(counts.sourcesByAnonymity, into: &out)
        out.raw("</dd>")
        row("Unnamed sources with a reason given for their anonymity", counts.unnamedSourcesWithReason, into: &out)
        row("Unnamed sources without a reason", counts.unnamedSourcesWithoutReason, into: &out)
        row("Claims resting on a document", counts.documentSourced, of: counts.claims, into: &out)
        row("Second-hand claims (three links or more)", counts.secondHand, of: counts.claims, into: &out)
        row("Hedged claims", counts.hedged, of: counts.claims, into: &out)
        row("Claims with a declined comment", counts.declinedComment, of: counts.claims, into: &out)
        out.raw("<dt>Chain depth</dt><dd>")
        out.text("at most \(counts.maxDepth), \(IndicatorsJSON.decimal(hundredths: counts.meanDepthHundredths)) on average")
        out.raw("</dd>")
        row("Corroborated propositions (two origins or more)", counts.corroborated, into: &out)
        out.raw("</dl><p class=\"json\">")
        out.link(json, "These indicators as JSON")
        out.raw("</p></section>")
    }

    /// "28 claims · 7 with a named origin · 8 sources, 4 unnamed without a reason · …"
    static func writeSummary(_ counts: SourcingCounts, into out: inout HTMLOutput) {
        let unnamed = counts.unnamedSourcesWithReason + counts.unnamedSourcesWithoutReason
        let parts = [
            counted(Int(counts.claims), "claim"),
            "\(counts.namedOrigin) with a named origin",
            "\(counted(Int(counts.sources), "source")), \(unnamed) unnamed (\(counts.unnamedSourcesWithReason) with a reason)",
            "\(counts.secondHand) second-hand",
            "\(counts.hedged) hedged",
            "\(counts.corroborated) corroborated",
        ]
        out.raw(#"<p class="indicator-summary">"#)
        out.text(parts.joined(separator: " · "))
        out.raw("</p>")
    }

    private static func row(_ label: String, _ value: UInt32, of total: UInt32? = nil, into out: inout HTMLOutput) {
        out.raw("<dt>")
        out.text(label)
        out.raw("</dt><dd>")
        out.number(value)
        if let total, total > 0 {
            out.text(" of \(total)")
        }
        out.raw("</dd>")
    }

    private static func writeBreakdown(_ counts: AnonymityCounts, into out: inout HTMLOutput) {
        out.raw(#"<ul class="breakdown">"#)
        for anonymity in Anonymity.allCases {
            out.raw("<li>")
            AnonymityBadge.write(anonymity, into: &out)
            out.raw(" ")
            out.number(counts[anonymity])
            out.raw("</li>")
        }
        out.raw("</ul>")
    }

    /// A stacked bar, one segment per level: drawn with SVG attributes, since the policy allows no inline style.
    private static func writeBar(_ counts: AnonymityCounts, into out: inout HTMLOutput) {
        let width = 240
        guard counts.total > 0 else { return }
        out.raw(#"<svg class="bar" viewBox="0 0 240 12" width="240" height="12" aria-hidden="true">"#)
        var x = 0
        for anonymity in Anonymity.allCases where counts[anonymity] > 0 {
            let segment = Int(counts[anonymity]) * width / Int(counts.total)
            out.raw("<rect")
            out.attribute("class", "anonymity-" + anonymity.rawValue)
            out.attribute("x", x)
            out.raw(#" y="0""#)
            out.attribute("width", max(segment, 1))
            out.raw(#" height="12"></rect>"#)
            x += segment
        }
        out.raw("</svg>")
    }
}
