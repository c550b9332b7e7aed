/// What a handler needs of an HTTP request, already taken out of the server: pure data, testable without a socket.
public struct Request: Sendable {
    /// The method token as sent; methods are case-sensitive, so `get` is not `GET`.
    public var method: String
    /// The percent-decoded path, without the query.
    public var path: String
    /// Every query parameter in arrival order, repeats included; `value` is nil for `?flag` without `=`.
    public var query: [QueryItem]
    /// Every `If-None-Match` value, joined with ", ".
    public var ifNoneMatch: String?
    /// Every `Accept` value, joined with ", ": the data routes' format, and `/` (a browser goes to the explorer).
    public var accept: String?
    /// Every `Accept-Encoding` value, joined with ", ": nil (most API clients) costs the coding step nothing.
    public var acceptEncoding: String?
    /// Every `Prefer` value (RFC 7240), joined with ", ": only an annotation container reads it (which of its
    /// contents it embeds, Web Annotation Protocol §4.2.1).
    public var prefer: String?
    /// The write path's headers: the bearer token, the precondition, the body's media type.
    public var authorization: String?
    public var ifMatch: String?
    public var contentType: String?
    /// A write's body (GET, HEAD and OPTIONS never carry one).
    public var body: [UInt8]?
    /// The client's address, which failed authentications are counted by.
    public var clientAddress: String?

    public init(method: String = "GET", path: String, query: [QueryItem] = [], ifNoneMatch: String? = nil,
                accept: String? = nil, acceptEncoding: String? = nil, prefer: String? = nil, authorization: String? = nil,
                ifMatch: String? = nil, contentType: String? = nil, body: [UInt8]? = nil, clientAddress: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.ifNoneMatch = ifNoneMatch
        self.accept = accept
        self.acceptEncoding = acceptEncoding
        self.prefer = prefer
        self.authorization = authorization
        self.ifMatch = ifMatch
        self.contentType = contentType
        self.body = body
        self.clientAddress = clientAddress
    }
}

public struct QueryItem: Sendable, Equatable {
    public var name: String
    public var value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }
}
