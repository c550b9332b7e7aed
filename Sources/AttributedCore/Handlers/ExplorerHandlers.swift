/// The explorer's pages (HTML, server-rendered) and its two files. A problem (an unknown id, a bad cursor, no
/// dataset yet) is answered as a page with the problem's status.
enum ExplorerHandlers {
    /// Explorer pages show this many items at a time.
    static let pageSize = 50

    /// The articles, or with `q` the claims that match it, ranked. An empty `q` is what a browser sends for an
    /// empty search box: it shows the articles, where the API would answer 400.
    static func home(_ context: RouteContext) -> Response {
        ExplorerResponse.page { () throws(Problem) -> [UInt8] in
            let store = try context.dataset()
            var request = context.request
            request.query.removeAll { $0.name == "q" && $0.value?.isEmpty != false }
            let parameters = try QueryParameters(request.query, allowed: homeParameterNames)
            let pageRequest = try PageRequest(parameters)
            var query = try ClaimQuery(parameters)
            let words = try parameters.string("q")
            guard words != nil || !query.isUnfiltered else {
                let page = try pageRequest.take(.all(store.articles.count), count: store.articles.count) { store.articles[$0].id }
                return ArticleListPage(store: store, page: page, request: request).render()
            }
            if words != nil { query.order = .relevance }
            let facets = try ListFacets.countClaims(FacetSidebar.names, matches: { () throws(Problem) in try query.matches(in: store) },
                                                    unfiltered: false, precounted: query.precountedLists(in: store), in: store)
            return ClaimSearchPage(store: store, words: words, page: try query.page(pageRequest, in: store), facets: facets,
                                   request: request).render()
        }
    }

    /// The home page's parameters: `q`, the page, and the claim lists' filters (the search's refinements).
    static let homeParameterNames = Set(["q", "cursor"]).union(ClaimQuery.claimFilterNames).union(ArticleFilters.parameterNames)

    /// The corpus page: the sourcing series by publisher, by month (or `interval=year`), of the articles the
    /// article filters select.
    static func sourcing(_ context: RouteContext) -> Response {
        ExplorerResponse.page { () throws(Problem) -> [UInt8] in
            let store = try context.dataset()
            let parameters = try context.parameters(allowed: ArticleFilters.parameterNames.union(["interval"]))
            let interval: SourcingSeries.Interval = try parameters.choice("interval") ?? .month
            let series = SourcingSeries.selecting(try ArticleFilters(parameters), interval: interval, byPublisher: true, in: store)
            return SourcingPage(store: store, series: series, request: context.request).render()
        }
    }

    static func article(_ context: RouteContext) -> Response {
        ExplorerResponse.page { () throws(Problem) -> [UInt8] in
            let store = try context.dataset()
            _ = try context.parameters()
            return ArticlePage(store: store, ordinal: try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")).render()
        }
    }

    static func claim(_ context: RouteContext) -> Response {
        ExplorerResponse.page { () throws(Problem) -> [UInt8] in
            let store = try context.dataset()
            _ = try context.parameters()
            return ClaimPage(store: store, ordinal: try Lookup.claim(context.id, in: store)).render()
        }
    }

    static func entity(_ context: RouteContext) -> Response {
        ExplorerResponse.page { () throws(Problem) -> [UInt8] in
            let store = try context.dataset()
            let pageRequest = try PageRequest(context.parameters(allowed: ["cursor"]))
            let ordinal = try Lookup.ordinal(of: context.id, in: store.entityIndex, kind: "entity")
            let page = try pageRequest.take(.list(store.filters.claimsByEntity, ordinal), count: store.claims.count) { store.claims.id(of: $0) }
            return EntityPage(store: store, ordinal: ordinal, page: page, request: context.request).render()
        }
    }

    static func stylesheet(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.parameters()
        return Response(context.permanent.stylesheet)
    }

    static func script(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.parameters()
        return Response(context.permanent.script)
    }
}
