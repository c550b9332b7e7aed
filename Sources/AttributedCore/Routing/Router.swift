/// What a handler gets: the request, the `{id}` of its route, and the dataset being served (if any yet).
public struct RouteContext: Sendable {
    public let request: Request
    public let id: String
    /// A route's second parameter (`/v1/articles/{id}/revisions/{n}`); empty elsewhere.
    var secondID = ""
    let store: Store?
    let permanent: PermanentRepresentations
    /// What `/metrics` reports.
    let metrics: ServerMetrics
    /// The history of changes and the live feed's followers.
    let feed: ChangeFeed
    /// A write's writer and who makes it (nil for reads: one empty field in the copies a read goes through).
    var write: WriteContext? = nil

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

/// What a write handler has beyond a read's context.
struct WriteContext: Sendable {
    let writer: DatasetWriter
    let principal: Principal
}

public typealias Handler = @Sendable (RouteContext) throws(Problem) -> Response

public struct Route: Sendable {
    public let pattern: RoutePattern
    let handler: Handler
    /// PUT, DELETE, POST: answered only by a server that takes writes (`serve --tokens`).
    let writeHandlers: [String: Handler]
    /// What the second parameter must be, checked for every method (a preflight too): nil when any value is a path.
    let secondParameter: (@Sendable (String) -> Problem?)?

    public init(_ template: String, _ handler: @escaping Handler, writes writeHandlers: [String: Handler] = [:],
                secondParameter: (@Sendable (String) -> Problem?)? = nil) {
        pattern = RoutePattern(template)
        self.handler = handler
        self.writeHandlers = writeHandlers
        self.secondParameter = secondParameter
    }

    /// The methods a server that takes writes allows here (`Allow`).
    var methodsWithWrites: String {
        ([AllowedMethods.list] + writeHandlers.keys.sorted()).joined(separator: ", ")
    }
}

/// A route a path matched, with its parameters' values.
struct MatchedRoute {
    let route: Route
    let id: String
    /// The second parameter (a revision number); empty for every other route.
    let secondID: String
    let index: Int
}

public struct Router: Sendable {
    public let routes: [Route]

    public init(_ routes: [Route]) {
        self.routes = routes
    }

    /// The route for a path, its `{id}` (and second parameter, if any) and its index in `routes`; nil for an unknown
    /// path, an empty segment (but a final one, which only templates ending in `/` match) or a relative path.
    func route(for target: String) -> MatchedRoute? {
        var target = target
        return target.withUTF8 { bytes in
            guard let start = Self.originFormStart(of: bytes) else { return nil }
            if start == bytes.count { return route(for: "/") }  // `http://host` names the root
            let path = UnsafeBufferPointer(rebasing: bytes[start...])
            guard !Self.hasEmptyInnerSegment(path) else { return nil }
            let segments = PathSegments(path)
            for (index, route) in routes.enumerated() {
                if let parameters = route.pattern.match(segments) {
                    func value(_ range: Range<Int>?) -> String {
                        range.map { String(decoding: UnsafeBufferPointer(rebasing: path[$0]), as: UTF8.self) } ?? ""
                    }
                    return MatchedRoute(route: route, id: value(parameters.first), secondID: value(parameters.second),
                                        index: index)
                }
            }
            return nil
        }
    }

    /// `//` anywhere: a segment before the last one is empty.
    private static func hasEmptyInnerSegment(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 1
        while index < path.count {
            if path[index] == UInt8(ascii: "/"), path[index - 1] == UInt8(ascii: "/") { return true }
            index += 1
        }
        return false
    }

    /// Where the path of a request target starts; `bytes.count` (an empty path, read as `/`) for an absolute form
    /// without one. RFC 9112 §3.2.2: a server must also accept the absolute form (`http://host/path`, as proxies send
    /// it), whose authority is then ignored.
    static func originFormStart(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if bytes.first == UInt8(ascii: "/") { return 0 }
        for scheme in ["http://", "https://"] {
            let scheme = Array(scheme.utf8)
            guard bytes.count >= scheme.count,
                  scheme.indices.allSatisfy({ bytes[$0] | (bytes[$0] >= 0x41 && bytes[$0] <= 0x5A ? 0x20 : 0) == scheme[$0] })
            else { continue }
            var slash = scheme.count
            while slash < bytes.count, bytes[slash] != UInt8(ascii: "/") { slash += 1 }
            return slash
        }
        return nil
    }
}
