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
    /// What only authenticated requests and writes carry, in one optional: nil for almost every read, so that the
    /// copies a request goes through on the hot path carry one empty field, not five.
    private var credentialsAndBody: CredentialsAndBody?

    struct CredentialsAndBody: Sendable {
        var authorization: String?
        var ifMatch: String?
        var contentType: String?
        var body: [UInt8]?
        var clientAddress: String?
        var lastEventID: String?
    }

    /// The bearer token's header.
    public var authorization: String? {
        get { credentialsAndBody?.authorization }
        set { credentialsAndBody = Self.setting(credentialsAndBody) { $0.authorization = newValue } }
    }
    public var ifMatch: String? {
        get { credentialsAndBody?.ifMatch }
        set { credentialsAndBody = Self.setting(credentialsAndBody) { $0.ifMatch = newValue } }
    }
    /// The body's media type.
    public var contentType: String? {
        get { credentialsAndBody?.contentType }
        set { credentialsAndBody = Self.setting(credentialsAndBody) { $0.contentType = newValue } }
    }
    /// A write's body (GET, HEAD and OPTIONS never carry one).
    public var body: [UInt8]? {
        get { credentialsAndBody?.body }
        set { credentialsAndBody = Self.setting(credentialsAndBody) { $0.body = newValue } }
    }
    /// The client's address, which failed authentications are counted by.
    public var clientAddress: String? {
        get { credentialsAndBody?.clientAddress }
        set { credentialsAndBody = Self.setting(credentialsAndBody) { $0.clientAddress = newValue } }
    }

    /// The seq a reconnecting event-stream client saw last (`Last-Event-ID`, sent by `EventSource` by itself).
    public var lastEventID: String? {
        get { credentialsAndBody?.lastEventID }
        set { credentialsAndBody = Self.setting(credentialsAndBody) { $0.lastEventID = newValue } }
    }

    private static func setting(_ fields: CredentialsAndBody?, _ change: (inout CredentialsAndBody) -> Void) -> CredentialsAndBody {
        var fields = fields ?? CredentialsAndBody()
        change(&fields)
        return fields
    }

    public init(method: String = "GET", path: String, query: [QueryItem] = [], ifNoneMatch: String? = nil,
                accept: String? = nil, acceptEncoding: String? = nil, prefer: String? = nil, authorization: String? = nil,
                ifMatch: String? = nil, contentType: String? = nil, body: [UInt8]? = nil, clientAddress: String? = nil,
                lastEventID: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.ifNoneMatch = ifNoneMatch
        self.accept = accept
        self.acceptEncoding = acceptEncoding
        self.prefer = prefer
        if authorization != nil || ifMatch != nil || contentType != nil || body != nil || clientAddress != nil || lastEventID != nil {
            credentialsAndBody = CredentialsAndBody(authorization: authorization, ifMatch: ifMatch, contentType: contentType,
                                                    body: body, clientAddress: clientAddress, lastEventID: lastEventID)
        }
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
