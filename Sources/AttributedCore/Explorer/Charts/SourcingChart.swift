/// One metric of a series by publisher as a line chart in SVG, server-rendered (no script needed to see it; every
/// colour comes from the stylesheet, as the CSP wants): periods along x, the share of claims along y, one line per
/// publisher, each point a link to the claims of that publisher and period in the explorer.
struct SourcingChart {
    static let width = 720
    static let height = 260
    private static let left = 48
    private static let right = 16
    private static let top = 14
    private static let bottom = 34

    let series: SourcingSeries
    let corpus: CorpusLists
    let store: Store
    /// The periods with a row, ascending, and each publisher's rows.
    let periods: [Int]
    let publishers: [UInt32]

    init(_ series: SourcingSeries, store: Store) {
        self.series = series
        corpus = store.corpus
        self.store = store
        periods = Array(Set(series.rows.map(\.period))).sorted()
        publishers = Array(Set(series.rows.compactMap(\.publisher))).sorted()
    }

    /// The claims behind a row: its publisher's, in its period.
    func claimsLink(_ row: SourcingSeries.Row) -> String {
        var query: [QueryItem] = []
        if let publisher = row.publisher { query.append(QueryItem("publisher", corpus.claims.entityIds[Int(publisher)])) }
        if let days = series.days(of: row, corpus: corpus) {
            query += [QueryItem("published_since", days.first), QueryItem("published_until", days.last)]
        }
        return ListResponse.url(path: ExplorerPaths.home, query: query)
    }

    /// A period's month key or year, what x is proportional to (0 for `all`).
    private func key(_ period: Int) -> Int {
        switch series.interval {
        case .month: corpus.monthKeys[period]
        case .year: corpus.years[period]
        case .all: 0
        }
    }

    func publisherName(_ publisher: UInt32) -> String { store.entities[Int(publisher)].label }

    func write(_ metric: SourcingMetric, into out: inout HTMLOutput) {
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        // x is time: months (or years) without articles keep their place.
        let (first, last) = (key(periods.first ?? 0), key(periods.last ?? 0))
        func x(key: Int) -> Int { Self.left + (first == last ? plotWidth / 2 : (key - first) * plotWidth / (last - first)) }
        func x(_ period: Int) -> Int { x(key: key(period)) }
        func y(_ part: Int, _ whole: Int) -> Int { Self.top + plotHeight - part * plotHeight / whole }
        out.raw("<figure class=\"sourcing-chart\"")
        out.attribute("id", "chart-" + metric.rawValue)
        out.raw("><figcaption><h2")
        out.attribute("id", "chart-" + metric.rawValue + "-title")
        out.raw(">")
        out.text(metric.title)
        out.raw("</h2><p class=\"hint\">")
        out.text(metric.explanation + " Each point is a publisher's month or year; follow it to its claims.")
        out.raw("</p></figcaption><svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\"")
        out.attribute("viewBox", "0 0 \(Self.width) \(Self.height)")
        out.raw(" role=\"img\"")
        out.attribute("aria-labelledby", "chart-" + metric.rawValue + "-title")
        out.raw("><g class=\"grid\">")
        for percent in stride(from: 0, through: 100, by: 25) {
            let lineY = y(percent, 100)
            out.raw("<line")
            out.attribute("x1", Self.left)
            out.attribute("x2", Self.width - Self.right)
            out.attribute("y1", lineY)
            out.attribute("y2", lineY)
            out.raw("/><text class=\"y-label\"")
            out.attribute("x", Self.left - 6)
            out.attribute("y", lineY + 4)
            out.raw(">")
            out.text("\(percent)%")
            out.raw("</text>")
        }
        out.raw("</g><g class=\"x-axis\">")
        // Every year's label; by month, at each January (and at the first month).
        for labelKey in periods.isEmpty ? [] : Array(first...last) {
            let label: String
            switch series.interval {
            case .month:
                guard labelKey == first || labelKey % 12 == 0 else { continue }
                label = PublicationPeriod.monthLabel(labelKey)
            case .year: label = PublicationPeriod.yearLabel(labelKey)
            case .all: label = "all"
            }
            out.raw("<text class=\"x-label\"")
            out.attribute("x", x(key: labelKey))
            out.attribute("y", Self.height - Self.bottom + 18)
            out.raw(">")
            out.text(label)
            out.raw("</text>")
        }
        out.raw("</g>")
        for (position, publisher) in publishers.enumerated() {
            let rows = series.rows.filter { $0.publisher == publisher && $0.indicators.counts.claims > 0 }
            out.raw("<g")
            out.attribute("class", "series series-\(position % 8)")
            out.attribute("data-publisher", corpus.claims.entityIds[Int(publisher)])
            out.raw("><polyline")
            out.attribute("points", rows.map { row in
                "\(x(row.period)),\(y(metric.count(row.indicators.counts), Int(row.indicators.counts.claims)))"
            }.joined(separator: " "))
            out.raw("/>")
            for row in rows {
                let counts = row.indicators.counts
                let part = metric.count(counts)
                out.raw("<a")
                out.attribute("href", claimsLink(row))
                out.raw("><circle class=\"point\"")
                out.attribute("cx", x(row.period))
                out.attribute("cy", y(part, Int(counts.claims)))
                out.raw(" r=\"4\"")
                out.attribute("data-period", series.periodLabel(row, corpus: corpus))
                out.attribute("data-claims", counts.claims)
                out.attribute("data-count", part)
                out.raw("><title>")
                out.text("\(publisherName(publisher)), \(series.periodLabel(row, corpus: corpus)): \(part) of "
                         + "\(counted(Int(counts.claims), "claim")) (\(SourcingMetric.percent(part, of: Int(counts.claims))))")
                out.raw("</title></circle></a>")
            }
            out.raw("</g>")
        }
        out.raw("</svg><ul class=\"chart-legend\">")
        for (position, publisher) in publishers.enumerated() {
            out.raw("<li")
            out.attribute("class", "series-\(position % 8)")
            out.raw("><span class=\"swatch\"></span>")
            out.text(publisherName(publisher))
            out.raw("</li>")
        }
        out.raw("</ul></figure>")
    }
}
