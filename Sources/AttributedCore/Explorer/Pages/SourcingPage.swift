/// `/explore/sourcing`: how the corpus is sourced over time, one line per publisher: the shares of claims resting
/// on an unnamed source, from a named origin, second-hand and hedged (`SourcingMetric`), by month or by year, then
/// the same numbers as a table for screen readers and copying.
struct SourcingPage {
    static let path = "/explore/sourcing"

    let store: Store
    let series: SourcingSeries
    let request: Request

    func render() -> [UInt8] {
        PageLayout.render(title: "Sourcing over time") { out in
            let chart = SourcingChart(series, store: store)
            out.raw("<h1>Sourcing over time</h1><p class=\"lead\">")
            let unit = series.interval == .month ? "month" : series.interval == .year ? "year" : "period"
            out.text("\(counted(chart.periods.count, unit)) with articles, \(counted(chart.publishers.count, "publisher")). "
                     + (series.interval == .all ? "" : "Undated articles are in no period")
                     + (series.interval == .month ? ", and articles dated only to a year in no month." : series.interval == .year ? "." : ""))
            out.raw("</p><nav class=\"intervals\" aria-label=\"Interval\">")
            for interval in [SourcingSeries.Interval.month, .year] {
                let query = request.query.filter { $0.name != "interval" } + [QueryItem("interval", interval.rawValue)]
                if interval == series.interval {
                    out.raw("<strong>")
                    out.text("By \(interval.rawValue)")
                    out.raw("</strong> ")
                } else {
                    out.link(ListResponse.url(path: Self.path, query: query), "By \(interval.rawValue)")
                    out.raw(" ")
                }
            }
            out.raw("</nav>")
            guard !series.rows.isEmpty else {
                out.raw("<p>No dated article matches.</p>")
                return
            }
            for metric in SourcingMetric.allCases { chart.write(metric, into: &out) }
            writeTable(chart, into: &out)
        }
    }

    private func writeTable(_ chart: SourcingChart, into out: inout HTMLOutput) {
        out.raw("<table class=\"sourcing-table\"><caption>The same numbers: claims of each period and publisher</caption>")
        out.raw("<thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Publisher</th><th scope=\"col\">Articles</th><th scope=\"col\">Claims</th>")
        for metric in SourcingMetric.allCases {
            out.raw("<th scope=\"col\">")
            out.text(metric.title)
            out.raw("</th>")
        }
        out.raw("</tr></thead><tbody>")
        for row in series.rows {
            let counts = row.indicators.counts
            out.raw("<tr><th scope=\"row\">")
            out.text(series.periodLabel(row, corpus: store.corpus))
            out.raw("</th><td>")
            out.text(row.publisher.map(chart.publisherName) ?? "")
            out.raw("</td><td>")
            out.number(row.indicators.articles)
            out.raw("</td><td>")
            out.link(chart.claimsLink(row), String(counts.claims))
            out.raw("</td>")
            for metric in SourcingMetric.allCases {
                let part = metric.count(counts)
                out.raw("<td>")
                out.text("\(part) (\(SourcingMetric.percent(part, of: Int(counts.claims))))")
                out.raw("</td>")
            }
            out.raw("</tr>")
        }
        out.raw("</tbody></table>")
    }
}
