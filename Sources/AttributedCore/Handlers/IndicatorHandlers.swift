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

    /// Over every article, or over one publisher's (`publisher`); a publisher that publishes nothing, like any id
    /// in a filter that names nothing, selects no article. With `interval`, a series (`series`).
    static func aggregate(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: parameterNames, offering: .list)
        if parameters.contains("interval") { return try series(context, parameters, store) }
        for name in ["by", "published_since", "published_until", "language"] where parameters.contains(name) {
            throw .invalidParameter(name, "query parameter \"\(name)\" needs \"interval\" (a series)")
        }
        let publishers = try parameters.strings("publisher")
        if publishers.count > 1 {
            throw .invalidParameter("publisher", "query parameter \"publisher\" is given more than once (several publishers need \"interval\")")
        }
        // One body, JSON: NDJSON and CSV are a series' rows.
        if let requested = parameters.requestedFormat, requested != .json {
            throw .invalidParameter(QueryParameters.formatName, "format \"\(requested.name)\" is for a series: give \"interval\"")
        }
        guard ContentNegotiation.best(of: FormatOffer.jsonOnly.formats, accept: context.request.accept) != nil else {
            throw .notAcceptable(.jsonOnly)
        }
        guard let publisher = publishers.first else {
            return Response(store.overallIndicators)
        }
        guard let entity = store.entityIndex[publisher], let position = store.indicators.publisherPosition(of: entity) else {
            return Response(store.noIndicators)
        }
        return context.resource(.publisherIndicators, position, etag: store.etags.publisherIndicators(position), of: store)
    }

    /// One item per period with articles (and per publisher, `by=publisher`), in period order.
    private static func series(_ context: RouteContext, _ parameters: QueryParameters, _ store: Store) throws(Problem) -> Response {
        let interval: SourcingSeries.Interval = try parameters.choice("interval")!
        let byPublisher = try parameters.choice("by", as: Grouping.self) == .publisher
        let filters = try ArticleFilters(parameters)
        let format = try context.negotiate(parameters)
        let series: SourcingSeries
        if filters.isEmpty {
            series = store.allSeries.series(interval, byPublisher: byPublisher)
        } else {
            var articles: [UInt32] = []
            if let cursors = filters.articleCursors(in: store) {
                var join = Conjunction(cursors)
                while let article = join.next() { articles.append(article) }
            }
            series = SourcingSeries(interval, byPublisher: byPublisher, articles: articles, corpus: store.corpus,
                                    counts: store.indicators.articles, claimsOfArticle: store.filters.claimsOfArticle,
                                    traits: store.sourceTraits)
        }
        let body = switch format {
        case .csv: SeriesBodies.csv(series, corpus: store.corpus)
        case .ndjson: SeriesBodies.ndjson(series, corpus: store.corpus)
        default: SeriesBodies.json(series, corpus: store.corpus)
        }
        let headers = StandardHeaders.negotiated(contentType: format.contentType, etag: ETag.quoted(ETag.hash(of: body)),
                                                 cacheControl: CacheControl.data)
        return Response(status: 200, headers: headers, body: .bytes(body))
    }
}
