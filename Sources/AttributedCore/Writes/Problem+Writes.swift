/// The problems only the write routes answer.
extension Problem {
    static func malformedBody(_ detail: String) -> Problem {
        Problem(status: 400, kind: "malformed-body", title: "Malformed request body", detail: detail)
    }

    /// 422: the document is JSON, but not a dataset the loader accepts; `errors` lists every issue at once.
    static func invalidDocument(_ issues: [ValidationIssue]) -> Problem {
        var problem = Problem(status: 422, kind: "invalid-document", title: "Unprocessable Content",
                              detail: "the write was refused: \(counted(issues.count, "issue")) in the dataset it would produce")
        problem.errors = issues
        return problem
    }

    static func unsupportedMediaType(_ contentType: String?) -> Problem {
        Problem(status: 415, kind: "unsupported-media-type", title: "Unsupported Media Type",
                detail: "the body must be application/json (a dataset document), not \(contentType.map(quoted) ?? "untyped")")
    }

    public static func payloadTooLarge(limit: Int) -> Problem {
        Problem(status: 413, kind: "payload-too-large", title: "Content Too Large",
                detail: "the body is larger than the \(limit) bytes this server accepts (--max-body)")
    }

    static func preconditionRequired(_ what: String) -> Problem {
        Problem(status: 428, kind: "precondition-required", title: "Precondition Required",
                detail: "\(what) exists: replacing or deleting it needs If-Match with its current ETag, so that no change is lost unseen")
    }

    static func preconditionFailed(_ detail: String) -> Problem {
        Problem(status: 412, kind: "precondition-failed", title: "Precondition Failed", detail: detail)
    }

    static func conflict(_ detail: String) -> Problem {
        Problem(status: 409, kind: "conflict", title: "Conflict", detail: detail)
    }

    /// RFC 4918 §11.5: the journal could not take the change; nothing of it was stored, and reads go on.
    static func insufficientStorage(_ detail: String) -> Problem {
        Problem(status: 507, kind: "insufficient-storage", title: "Insufficient Storage",
                detail: "the change was not stored: \(detail)")
    }

    static func writeFailed(_ detail: String) -> Problem {
        Problem(status: 503, kind: "writes-unavailable", title: "Service Unavailable",
                detail: "the change was not stored: \(detail)")
    }

    /// RFC 6750 §3: no token, or one this server does not know.
    static func unauthorized(_ detail: String, invalidToken: Bool) -> Problem {
        let challenge = invalidToken ? "Bearer realm=\"attributed\", error=\"invalid_token\"" : "Bearer realm=\"attributed\""
        return Problem(status: 401, kind: "unauthorized", title: "Unauthorized", detail: detail,
                       extraHeaders: [HTTPHeader("WWW-Authenticate", challenge)])
    }

    static func forbidden(_ detail: String) -> Problem {
        Problem(status: 403, kind: "forbidden", title: "Forbidden", detail: detail)
    }

    static func tooManyFailures(retryAfter seconds: Int) -> Problem {
        Problem(status: 429, kind: "too-many-requests", title: "Too Many Requests",
                detail: "too many failed authentications from this address; try again in \(seconds) s",
                extraHeaders: [HTTPHeader("Retry-After", String(seconds))])
    }
}
