/// The whole HTTP behaviour of attributed as a pure function: request (and the dataset being served) in,
/// response out. The server module only moves bytes between libmicrohttpd and this.
public final class API: Sendable {
    public let router: Router
    public let permanent: PermanentRepresentations
    /// Recorded into by the server, reported at `/metrics`.
    public let metrics: ServerMetrics
    /// nil: a read-only, public server (no `--tokens`), exactly as before writes existed.
    public let access: AccessControl?
    /// The history of changes and its live followers (the history comes with the writer).
    public let feed: ChangeFeed
    /// The writer, once the dataset directory is open (writes are 503 until then).
    private let writerSlot = Locked<DatasetWriter?>(nil)

    public init(openAPISpecification: [UInt8], explorerAssets: ExplorerAssets = .bundled, router: Router = .attributed,
                access: AccessControl? = nil, maxFollowers: Int = 256, heartbeatInterval: Double = 15) {
        self.router = router
        self.access = access
        permanent = PermanentRepresentations(specification: openAPISpecification, explorerAssets: explorerAssets)
        let metrics = ServerMetrics(routeTemplates: router.routes.map(\.pattern.description))
        self.metrics = metrics
        feed = ChangeFeed(followers: FollowerHub(maxFollowers: maxFollowers, heartbeatInterval: heartbeatInterval,
                                                  metrics: metrics.feed))
    }

    /// The response, labelled with the route whose path it was (for metrics), whatever its status.
    public func respond(to request: Request, store: Store?) -> Response {
        let matched = router.route(for: request.path)
        var response = respond(to: request, matched: matched, store: store)
        response.route = matched?.index
        return response
    }

    public func attach(_ writer: DatasetWriter) {
        writerSlot.withLock { $0 = writer }
        metrics.attachWrites(writer.metrics)
        if let history = writer.history { feed.attach(history) }
    }

    public var writer: DatasetWriter? { writerSlot.withLock { $0 } }

    /// The answer to a request with more query parameters than any route takes, refused before it is read: a problem,
    /// with the explorer's security headers on the explorer's paths (as every answer there has them).
    public func tooManyParameters(path: String) -> Response {
        var response = Problem.tooManyParameters(limit: Self.maximumQueryParameters).response(instance: path)
        if path.hasPrefix(ExplorerPaths.home) { response.headers += StandardHeaders.explorer }
        return labelled(response, path: path)
    }

    /// A response made outside `respond` (by the server, before the request was read), labelled like one made in it.
    public func labelled(_ response: Response, path: String) -> Response {
        var response = response
        response.route = router.route(for: path)?.index
        return response
    }

    private func respond(to request: Request, matched: MatchedRoute?, store: Store?) -> Response {
        switch request.method {
        case "GET", "HEAD": break
        case "OPTIONS":
            if let matched, let problem = matched.route.secondParameter?(matched.secondID) {
                return problem.response(instance: request.path)
            }
            return preflight(request, route: matched?.route)
        default:
            guard let access else { return Problem.methodNotAllowed(request.method).response(instance: request.path) }
            return write(request, matched: matched, access: access)
        }
        guard let matched else {
            return Problem.notFound("no route for \(quoted(request.path))").response(instance: request.path)
        }
        let response: Response
        do throws(Problem) {
            if let access {
                let principal = try access.authenticate(request)
                if principal == nil, access.readRequiresToken(request.path) {
                    throw Problem.unauthorized("this server is private: every /v1/ and /explore/ route needs a bearer token",
                                               invalidToken: false)
                }
            }
            response = try matched.route.handler(RouteContext(request: request, id: matched.id, secondID: matched.secondID,
                                                              store: store, permanent: permanent, metrics: metrics,
                                                              feed: feed))
        } catch {
            return error.response(instance: request.path)
        }
        // Without `Accept-Encoding` (most API clients) this is one nil check.
        guard let acceptEncoding = request.acceptEncoding, AcceptEncoding.coding(acceptEncoding) == .gzip else {
            return Self.conditional(response, for: request)
        }
        return Self.conditional(response.gzipped(), for: request)
    }

    /// PUT, DELETE and POST on a server that takes writes: authenticated, then handed to the route's write handler.
    /// Never gzipped or answered 304: the answer is about the change.
    private func write(_ request: Request, matched: MatchedRoute?, access: AccessControl) -> Response {
        guard let matched else {
            return Problem.notFound("no route for \(quoted(request.path))").response(instance: request.path)
        }
        guard let handler = matched.route.writeHandlers[request.method] else {
            return Problem.methodNotAllowed(request.method, allow: matched.route.methodsWithWrites).response(instance: request.path)
        }
        do throws(Problem) {
            var context = RouteContext(request: request, id: matched.id, store: nil, permanent: permanent, metrics: metrics,
                                       feed: feed)
            let principal = try access.writer(access.authenticate(request))
            guard let writer else { throw Problem.notReady }
            context.write = WriteContext(writer: writer, principal: principal)
            if let body = request.body, body.count > access.maxBody { throw Problem.payloadTooLarge(limit: access.maxBody) }
            return try handler(context)
        } catch {
            return error.response(instance: request.path)
        }
    }

    /// Methods answered at once, before the request is read further; anything else is 405.
    public func allows(method: String) -> Bool {
        Self.isAllowed(method: method) || (access != nil && (method == "PUT" || method == "DELETE" || method == "POST"))
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
    private func preflight(_ request: Request, route: Route?) -> Response {
        guard request.path == "*" || route != nil else {
            return Problem.notFound("no route for \(quoted(request.path))").response(instance: request.path)
        }
        guard access != nil else { return Response(status: 204, headers: StandardHeaders.preflight) }
        return Response(status: 204, headers: StandardHeaders.preflightWithWrites(allow: route?.methodsWithWrites ?? AllowedMethods.list))
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
