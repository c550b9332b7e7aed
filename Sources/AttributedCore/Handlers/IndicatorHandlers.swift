/// Sourcing indicators (docs/indicators.md). Per article, per publisher and overall they are computed at load:
/// those answers are O(1). A series (`interval`) over every article is counted at load too; with filters, over the
/// links of the articles they select.
enum IndicatorHandlers {
    static func article(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(offering: .jsonOnly)
        let ordinal = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        _ = try context.negotiate(parameters)
        return context.resource(.articleIndicators, ordinal, etag: store.etags.articleIndicators(ordinal), of: store)
    }

    enum Grouping: String, CaseIterable {
        case publisher
    }

    static let parameterNames: Set = ArticleFilters.parameterNames.union(["interval", "by"])

    /// Over every article, over one publisher's, or over the articles the filters select (publishers, dates,
    /// language). A publisher that publishes nothing, like any id in a filter that names nothing, selects no article.
    /// With `interval` or `by`, or as NDJSON or CSV, a series (`series`).
    static func aggregate(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: parameterNames, offering: .list)
        let interval: SourcingSeries.Interval? = try parameters.choice("interval")
        let byPublisher = try parameters.choice("by", as: Grouping.self) == .publisher
        let filters = try ArticleFilters(parameters)
        let format = try context.negotiate(parameters)
        if interval != nil || byPublisher || format != .json {
            return series(SourcingSeries.selecting(filters, interval: interval ?? .all, byPublisher: byPublisher, in: store),
                          format: format, store)
        }
        guard !filters.isEmpty else { return Response(store.overallIndicators) }
        if filters.publishers.count == 1, filters.since == nil, filters.until == nil, filters.language == nil {
            guard let entity = store.entityIndex[filters.publishers[0]], let position = store.indicators.publisherPosition(of: entity) else {
                return Response(store.noIndicators)
            }
            return context.resource(.publisherIndicators, position, etag: store.etags.publisherIndicators(position), of: store)
        }
        // Any other selection: its one period's row, counted over its links (none: no article selected).
        let selection = SourcingSeries.selecting(filters, interval: .all, byPublisher: false, in: store)
        var out = JSONOutput(capacity: 512)
        IndicatorsJSON.write(selection.rows.first?.indicators ?? SourcingIndicators.Aggregate(), into: &out)
        return bytes(out.bytes, format: .json)
    }

    /// One item per period with articles (and per publisher, `by=publisher`), in period order.
    private static func series(_ series: SourcingSeries, format: Format, _ store: Store) -> Response {
        let body = switch format {
        case .csv: SeriesBodies.csv(series, corpus: store.corpus)
        case .ndjson: SeriesBodies.ndjson(series, corpus: store.corpus)
        default: SeriesBodies.json(series, corpus: store.corpus)
        }
        return bytes(body, format: format)
    }

    private static func bytes(_ body: [UInt8], format: Format) -> Response {
        let headers = StandardHeaders.negotiated(contentType: format.contentType, etag: ETag.quoted(ETag.hash(of: body)),
                                                 cacheControl: CacheControl.data)
        return Response(status: 200, headers: headers, body: .bytes(body))
    }
}
