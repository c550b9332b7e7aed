/// The whole HTTP behaviour of attributed as a pure function: request (and the dataset being served) in,
/// response out. The server module only moves bytes between libmicrohttpd and this.
public final class API: Sendable {
    public let router: Router
    public let permanent: PermanentRepresentations
    /// Recorded into by the server, reported at `/metrics`.
    public let metrics: ServerMetrics

    public init(openAPISpecification: [UInt8], explorerAssets: ExplorerAssets = .bundled, router: Router = .attributed) {
        self.router = router
        permanent = PermanentRepresentations(specification: openAPISpecification, explorerAssets: explorerAssets)
        metrics = ServerMetrics(routeTemplates: router.routes.map(\.pattern.description))
    }

    /// The response, labelled with the route whose path it was (for metrics), whatever its status.
    public func respond(to request: Request, store: Store?) -> Response {
        let matched = router.route(for: request.path)
        var response = respond(to: request, matched: matched, store: store)
        response.route = matched?.index
        return response
    }

    /// A response made outside `respond` (by the server, before the request was read), labelled like one made in it.
    public func labelled(_ response: Response, path: String) -> Response {
        var response = response
        response.route = router.route(for: path)?.index
        return response
    }

    private func respond(to request: Request, matched: (route: Route, id: String, index: Int)?, store: Store?) -> Response {
        switch request.method {
        case "GET", "HEAD": break
        case "OPTIONS": return preflight(request, matched: matched != nil)
        default: return Problem.methodNotAllowed(request.method).response(instance: request.path)
        }
        guard let (route, id, _) = matched else {
            return Problem.notFound("no route for \(quoted(request.path))").response(instance: request.path)
        }
        let response: Response
        do {
            response = try route.handler(RouteContext(request: request, id: id, store: store, permanent: permanent,
                                                      metrics: metrics))
        } catch {
            return error.response(instance: request.path)
        }
        // Without `Accept-Encoding` (most API clients) this is one nil check.
        guard let acceptEncoding = request.acceptEncoding, AcceptEncoding.coding(acceptEncoding) == .gzip else {
            return Self.conditional(response, for: request)
        }
        return Self.conditional(response.gzipped(), for: request)
    }

    /// More query parameters than this are refused (400) before any of them is looked at.
    public static let maximumQueryParameters = 64

    /// Methods answered at once, before the request is read further; anything else is 405.
    public static func isAllowed(method: String) -> Bool {
        method == "GET" || method == "HEAD" || method == "OPTIONS"
    }

    /// 304 when the client already has this representation; it keeps the `Vary` of the 200 (RFC 9110 §15.4.5).
    /// Each coding matches its own tag only: If-None-Match is evaluated against the selected representation
    /// (§13.1.2), so a cache holding the identity body that now asks with gzip gets the gzip one, a 200.
    private static func conditional(_ response: Response, for request: Request) -> Response {
        guard response.status == 200, let ifNoneMatch = request.ifNoneMatch,
              let etag = response.etag(answering: ifNoneMatch), ETag.ifNoneMatch(ifNoneMatch, matches: etag)
        else { return response }
        var headers = StandardHeaders.notModified(etag: etag, cacheControl: response.header("Cache-Control") ?? CacheControl.data)
        if let vary = response.header("Vary") { headers.append(HTTPHeader("Vary", vary)) }
        return Response(status: 304, headers: headers)
    }

    /// CORS preflight: 204 for any route (and `OPTIONS *`), 404 for an unknown path.
    private func preflight(_ request: Request, matched: Bool) -> Response {
        guard request.path == "*" || matched else {
            return Problem.notFound("no route for \(quoted(request.path))").response(instance: request.path)
        }
        return Response(status: 204, headers: StandardHeaders.preflight)
    }
}

/// Representations that live as long as the process.
public struct PermanentRepresentations: Sendable {
    public let liveness: Representation
    public let specification: Representation
    /// `/` for anything but a browser: where everything is.
    public let index: Representation
    /// The explorer's one stylesheet and one script.
    public let stylesheet: Representation
    public let script: Representation
    public let all: [Representation]

    init(specification: [UInt8], explorerAssets: ExplorerAssets) {
        var builder = RepresentationBuilder(makeSlot: { .permanent($0) })
        liveness = builder.add(JSON.object([("status", .string("ok"))]), cacheControl: CacheControl.none)
        self.specification = builder.add(specification, contentType: MediaType.yaml, cacheControl: CacheControl.data)
        index = builder.add(APIIndex.json, extraHeaders: [StandardHeaders.varyByAccept])
        stylesheet = builder.add(explorerAssets.stylesheet, contentType: MediaType.css, cacheControl: CacheControl.data,
                                 extraHeaders: StandardHeaders.explorer)
        script = builder.add(explorerAssets.script, contentType: MediaType.javascript, cacheControl: CacheControl.data,
                             extraHeaders: StandardHeaders.explorer)
        all = builder.representations
    }
}
