/// A sourcing series as JSON (`{"interval":"month","items":[{"period":"2016-03","publisher":"…","indicators":{…}}]}`),
/// as NDJSON (one item a line) or as CSV (one row a period, or a period and publisher; `SeriesBodies.csvColumns`).
enum SeriesBodies {
    static func json(_ series: SourcingSeries, corpus: CorpusLists) -> [UInt8] {
        var out = JSONOutput(capacity: 64 + series.rows.count * 512)
        out.raw(#"{"interval":"#)
        out.string(series.interval.rawValue)
        out.raw(#","items":["#)
        for (index, row) in series.rows.enumerated() {
            if index > 0 { out.raw(",") }
            item(row, of: series, corpus: corpus, into: &out)
        }
        out.raw("]}")
        return out.bytes
    }

    static func ndjson(_ series: SourcingSeries, corpus: CorpusLists) -> [UInt8] {
        var out = JSONOutput(capacity: series.rows.count * 512)
        for row in series.rows {
            item(row, of: series, corpus: corpus, into: &out)
            out.raw("\n")
        }
        return out.bytes
    }

    private static func item(_ row: SourcingSeries.Row, of series: SourcingSeries, corpus: CorpusLists, into out: inout JSONOutput) {
        out.raw(#"{"period":"#)
        out.string(series.periodLabel(row, corpus: corpus))
        if let publisher = row.publisher {
            out.raw(#","publisher":"#)
            out.string(corpus.claims.entityIds[Int(publisher)])
        }
        out.raw(#","indicators":"#)
        IndicatorsJSON.write(row.indicators, into: &out)
        out.raw("}")
    }

    /// The indicators flattened, in the order of their JSON (`byWeakestAnonymity.named`, …).
    static let csvColumns = ["period", "publisher", "articles", "claims"]
        + Anonymity.allCases.map { "byWeakestAnonymity.\($0.rawValue)" }
        + ["namedOrigin", "sources"] + Anonymity.allCases.map { "sourcesByAnonymity.\($0.rawValue)" }
        + ["unnamedSourcesWithReason", "unnamedSourcesWithoutReason", "documentSourced", "secondHand", "hedged",
           "declinedComment", "maxDepth", "meanDepth", "corroborated"]

    /// `publisher` is empty in a series that is not by publisher.
    static func csv(_ series: SourcingSeries, corpus: CorpusLists) -> [UInt8] {
        var out = CSVOutput()
        out.header(csvColumns)
        for row in series.rows {
            let counts = row.indicators.counts
            out.cell(series.periodLabel(row, corpus: corpus))
            out.cell(row.publisher.map { corpus.claims.entityIds[Int($0)] })
            for value in [row.indicators.articles, counts.claims] { out.cell(Int(value)) }
            for anonymity in Anonymity.allCases { out.cell(Int(counts.byWeakestAnonymity[anonymity])) }
            for value in [counts.namedOrigin, counts.sources] { out.cell(Int(value)) }
            for anonymity in Anonymity.allCases { out.cell(Int(counts.sourcesByAnonymity[anonymity])) }
            for value in [counts.unnamedSourcesWithReason, counts.unnamedSourcesWithoutReason, counts.documentSourced,
                          counts.secondHand, counts.hedged, counts.declinedComment, counts.maxDepth] {
                out.cell(Int(value))
            }
            out.cell(IndicatorsJSON.decimal(hundredths: counts.meanDepthHundredths))
            out.cell(Int(counts.corroborated))
            out.endRow()
        }
        return out.bytes
    }
}
