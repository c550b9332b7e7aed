/// An RFC 9457 problem: every error the application answers is one of these, as `application/problem+json`.
public struct Problem: Error, Sendable {
    public var status: Int
    /// The last part of the type URI, `urn:attributed:problem:<kind>`.
    public var kind: String
    public var title: String
    public var detail: String
    /// The query parameter at fault, for `invalid-parameter`.
    public var parameter: String?
    /// What the route offers, for `not-acceptable`.
    public var offer: FormatOffer?
    /// Every validation issue of a refused write (422), each with where it stands.
    public var errors: [ValidationIssue]?
    public var extraHeaders: [HTTPHeader] = []

    public static func notFound(_ detail: String) -> Problem {
        Problem(status: 404, kind: "not-found", title: "Not Found", detail: detail)
    }

    public static func invalidParameter(_ name: String, _ detail: String) -> Problem {
        Problem(status: 400, kind: "invalid-parameter", title: "Invalid query parameter", detail: detail, parameter: name)
    }

    /// RFC 9110 §15.5.7: nothing the route offers satisfies `Accept`. The body lists the offers (each format's
    /// name and media type), so a client can retry with one; it varies by `Accept` like the 200 would.
    public static func notAcceptable(_ offer: FormatOffer) -> Problem {
        let listed = offer.formats.map { "\($0.contentType) (format=\($0.name))" }.joined(separator: ", ")
        return Problem(status: 406, kind: "not-acceptable", title: "Not Acceptable",
                       detail: "no representation of this resource matches the Accept header; it offers \(listed)",
                       offer: offer, extraHeaders: [StandardHeaders.varyByAccept])
    }

    public static func tooManyParameters(limit: Int) -> Problem {
        Problem(status: 400, kind: "too-many-parameters", title: "Too many query parameters",
                detail: "at most \(limit) query parameters are accepted")
    }

    public static let bodyNotAllowed = Problem(
        status: 400, kind: "body-not-allowed", title: "Request body not allowed",
        detail: "GET, HEAD and OPTIONS requests must not carry a body, Transfer-Encoding, or more than one Content-Length")

    public static func methodNotAllowed(_ method: String) -> Problem {
        Problem(status: 405, kind: "method-not-allowed", title: "Method Not Allowed",
                detail: "this API is read-only: \(AllowedMethods.list) are allowed, not \(method)",
                extraHeaders: [HTTPHeader("Allow", AllowedMethods.list)])
    }

    /// On a server that takes writes: the route has no such method.
    static func methodNotAllowed(_ method: String, allow: String) -> Problem {
        Problem(status: 405, kind: "method-not-allowed", title: "Method Not Allowed",
                detail: "this route allows \(allow), not \(method)", extraHeaders: [HTTPHeader("Allow", allow)])
    }

    public static let notReady = Problem(status: 503, kind: "not-ready", title: "Service Unavailable",
                                         detail: "no dataset is loaded yet")

    public static let internalError = Problem(status: 500, kind: "internal", title: "Internal Server Error",
                                              detail: "the server could not build a response")

    public var type: String { "urn:attributed:problem:\(kind)" }

    private static func errorJSON(_ issue: ValidationIssue) -> JSON {
        var members: [(String, JSON)] = [("file", .string(issue.file))]
        if let path = issue.path { members.append(("path", .string(path))) }
        if let line = issue.line, let column = issue.column { members += [("line", .int(line)), ("column", .int(column))] }
        members.append(("message", .string(issue.message)))
        return .object(members)
    }

    public func response(instance: String) -> Response {
        var members: [(String, JSON)] = [
            ("type", .string(type)), ("title", .string(title)), ("status", .int(status)), ("detail", .string(detail)),
            ("instance", .string(instance)),
        ]
        if let parameter { members.append(("parameter", .string(parameter))) }
        if let errors {
            members.append(("errors", .array(errors.map(Self.errorJSON))))
        }
        if let offer {
            members.append(("available", .array(offer.formats.map { .object([("format", .string($0.name)), ("mediaType", .string($0.contentType))]) })))
        }
        let headers = [HTTPHeader("Content-Type", MediaType.problem), HTTPHeader("Cache-Control", CacheControl.none)]
            + extraHeaders + StandardHeaders.cors
        return Response(status: status, headers: headers, body: .bytes(JSON.object(members).bytes))
    }
}
