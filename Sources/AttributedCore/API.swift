/// The whole HTTP behaviour of attributed as a pure function: request (and the dataset being served) in,
/// response out. The server module only moves bytes between libmicrohttpd and this.
public final class API: Sendable {
    public let router: Router
    public let permanent: PermanentRepresentations

    public init(openAPISpecification: [UInt8], router: Router = .attributed) {
        self.router = router
        permanent = PermanentRepresentations(specification: openAPISpecification)
    }

    public func respond(to request: Request, store: Store?) -> Response {
        switch request.method {
        case "GET", "HEAD": break
        case "OPTIONS": return preflight(request)
        default: return Problem.methodNotAllowed(request.method).response(instance: request.path)
        }
        guard let (route, id) = router.route(for: request.path) else {
            return Problem.notFound("no route for \(quoted(request.path))").response(instance: request.path)
        }
        let response: Response
        do {
            response = try route.handler(RouteContext(request: request, id: id, store: store, permanent: permanent))
        } catch {
            return error.response(instance: request.path)
        }
        return Self.conditional(response, for: request)
    }

    /// More query parameters than this are refused (400) before any of them is looked at.
    public static let maximumQueryParameters = 64

    /// Methods answered at once, before the request is read further; anything else is 405.
    public static func isAllowed(method: String) -> Bool {
        method == "GET" || method == "HEAD" || method == "OPTIONS"
    }

    /// 304 when the client already has this representation.
    private static func conditional(_ response: Response, for request: Request) -> Response {
        guard response.status == 200, let ifNoneMatch = request.ifNoneMatch, let etag = response.header("ETag"),
              ETag.ifNoneMatch(ifNoneMatch, matches: etag)
        else { return response }
        return Response(status: 304, headers: StandardHeaders.notModified(
            etag: etag, cacheControl: response.header("Cache-Control") ?? CacheControl.data))
    }

    /// CORS preflight: 204 for any route (and `OPTIONS *`), 404 for an unknown path.
    private func preflight(_ request: Request) -> Response {
        guard request.path == "*" || router.route(for: request.path) != nil else {
            return Problem.notFound("no route for \(quoted(request.path))").response(instance: request.path)
        }
        return Response(status: 204, headers: StandardHeaders.preflight)
    }
}

/// Representations that live as long as the process.
public struct PermanentRepresentations: Sendable {
    public let liveness: Representation
    public let specification: Representation
    public let all: [Representation]

    init(specification: [UInt8]) {
        var builder = RepresentationBuilder(makeSlot: { .permanent($0) })
        liveness = builder.add(JSON.object([("status", .string("ok"))]), cacheControl: CacheControl.none)
        self.specification = builder.add(specification, contentType: MediaType.yaml, cacheControl: CacheControl.data)
        all = builder.representations
    }
}
