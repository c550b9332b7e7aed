/// What a handler gets: the request, the `{id}` of its route, and the dataset being served (if any yet).
public struct RouteContext: Sendable {
    public let request: Request
    public let id: String
    let store: Store?
    let permanent: PermanentRepresentations
    /// What `/metrics` reports.
    let metrics: ServerMetrics

    /// The loaded dataset, or 503 while there is none.
    func dataset() throws(Problem) -> Store {
        guard let store else { throw .notReady }
        return store
    }

    func parameters(allowed: Set<String> = []) throws(Problem) -> QueryParameters {
        try QueryParameters(request.query, allowed: allowed)
    }

    /// A data route's parameters: `format` is one of them, checked against what the route offers.
    func parameters(allowed: Set<String> = [], offering formats: FormatOffer) throws(Problem) -> QueryParameters {
        try QueryParameters(request.query, allowed: allowed, formats: formats)
    }
}

public typealias Handler = @Sendable (RouteContext) throws(Problem) -> Response

public struct Route: Sendable {
    public let pattern: RoutePattern
    let handler: Handler

    public init(_ template: String, _ handler: @escaping Handler) {
        pattern = RoutePattern(template)
        self.handler = handler
    }
}

public struct Router: Sendable {
    public let routes: [Route]

    public init(_ routes: [Route]) {
        self.routes = routes
    }

    /// The route for a path, its `{id}` and its index in `routes`; nil for an unknown path, an empty segment (but a
    /// final one, which only templates ending in `/` match) or a relative path.
    func route(for target: String) -> (route: Route, id: String, index: Int)? {
        guard let path = Self.originForm(of: target) else { return nil }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.dropLast().contains(where: \.isEmpty) else { return nil }
        for (index, route) in routes.enumerated() {
            if let parameter = route.pattern.match(segments) { return (route, parameter.map(String.init) ?? "", index) }
        }
        return nil
    }

    /// The path of a request target. RFC 9112 §3.2.2: a server must also accept the absolute form
    /// (`http://host/path`, as proxies send it), whose authority is then ignored.
    static func originForm(of target: String) -> Substring? {
        if target.hasPrefix("/") { return target[...] }
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            let afterScheme = target.dropFirst(scheme.count)
            guard let slash = afterScheme.firstIndex(of: "/") else { return "/" }
            return afterScheme[slash...]
        }
        return nil
    }
}
