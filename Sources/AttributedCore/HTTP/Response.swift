public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

public struct Response: Sendable {
    public enum Body: Sendable {
        case empty
        case bytes([UInt8])
        /// Rendered once at load; the server answers with a response object it built for it then.
        case representation(Representation)
        /// Rendered only when its bytes are needed: not for a 304, and, for a dataset resource, not when the
        /// server still holds a response it built for the same resource.
        case rendered(RenderedBody)
        /// A bulk export: no length known in advance, sent chunk by chunk as the client reads it.
        case stream(ExportStream)
        /// The live feed (`text/event-stream`): a follower that sends each change as it is committed, until the
        /// client goes or the server stops.
        case events(FeedFollower)
    }

    public var status: Int
    public var headers: [HTTPHeader]
    public var body: Body
    /// For a list: the candidates its query examined (not sent; tests bound a query's cost with it).
    public var examined: Int?
    /// For a list with `facet`: the matches its facets were counted over (0 when counted at load; not sent).
    public var counted: Int?
    /// The index of the route (in the router's `routes`) whose path this answers; nil when no route matched.
    public var route: Int?
    /// `.gzip` once `gzipped()` made this the gzip coding: `headers` and `body` are then already the gzip ones,
    /// except that a rendered body is compressed when rendered, and only when it is large enough (`finished`).
    public var coding = ContentCoding.identity

    public init(status: Int, headers: [HTTPHeader], body: Body = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(_ representation: Representation) {
        self.init(status: 200, headers: representation.headers, body: .representation(representation))
    }

    public var bodyBytes: [UInt8] { finished().body }

    /// `headers`, and those a rendered resource derives from its key (`Store.derivedHeaders`): built only with a
    /// body, so neither a 304 nor a hit in the server's response cache pays for them. A rendered body's gzip
    /// headers depend on its size, so those render it.
    public var sentHeaders: [HTTPHeader] {
        guard case .rendered(let rendered) = body else { return headers }
        if coding == .gzip { return finished().headers }
        return identityHeaders(rendered)
    }

    /// The body and headers that go out, a rendered body rendered (and gzipped, for a gzip client, when large
    /// enough: then under its gzip tag, with `Content-Encoding`).
    public func finished() -> (body: [UInt8], headers: [HTTPHeader]) {
        switch body {
        case .empty: return ([], headers)
        case .bytes(let bytes): return (bytes, headers)
        case .representation(let representation): return (representation.body(coding), headers)
        case .rendered(let rendered):
            let identity = rendered.render()
            guard coding == .gzip, ResponseCoding.compresses(identity.count) else { return (identity, identityHeaders(rendered)) }
            return (gzip(identity), ResponseCoding.gzipHeaders(identityHeaders(rendered)))
        case .stream(var stream):
            let identity = stream.drain()
            return (coding == .gzip ? gzip(identity) : identity, headers)
        case .events(let follower):
            return (follower.drainAvailable(), headers)
        }
    }

    /// Calls `send` with the body and headers that go out (as `finished`, the headers in two parts, so that a
    /// rendered resource's derived ones are not concatenated onto the rest). An identity-coded rendered resource is
    /// rendered into the thread's reusable buffer: its bytes are valid only during the call.
    public func withFinished<Result>(_ send: (UnsafeRawBufferPointer, [HTTPHeader], [HTTPHeader]) -> Result) -> Result {
        if case .rendered(let rendered) = body, coding == .identity {
            return rendered.withRendered { send($0, self.headers, rendered.derivedHeaders()) }
        }
        let (bytes, sentHeaders) = finished()
        return bytes.withUnsafeBytes { send($0, sentHeaders, []) }
    }

    private func identityHeaders(_ rendered: RenderedBody) -> [HTTPHeader] {
        let derived = rendered.derivedHeaders()
        return derived.isEmpty ? headers : headers + derived
    }

    /// The header as sent. A rendered body's derived headers, and the tag and `Content-Encoding` of its gzip
    /// coding (which depend on its size), render it.
    public func header(_ name: String) -> String? {
        let lowercased = name.lowercased()
        guard case .rendered = body else { return headers.first { $0.name.lowercased() == lowercased }?.value }
        if !(coding == .gzip && lowercased == "etag"), let header = headers.first(where: { $0.name.lowercased() == lowercased }) {
            return header.value
        }
        return sentHeaders.first { $0.name.lowercased() == lowercased }?.value
    }
}

/// A body rendered when needed: a dataset resource, under the key a server may cache its finished response by, or
/// a list, assembled per request.
public struct RenderedBody: Sendable {
    private enum Source: Sendable {
        case resource(ResourceKey, Store)
        case list(@Sendable () -> [UInt8])
    }

    private let source: Source

    /// A resource costs no closure: the store knows how to render each kind.
    static func resource(_ key: ResourceKey, of store: Store) -> RenderedBody { RenderedBody(source: .resource(key, store)) }

    static func list(_ render: @escaping @Sendable () -> [UInt8]) -> RenderedBody { RenderedBody(source: .list(render)) }

    /// The resource this is, for a cache; nil for a list.
    public var key: ResourceKey? {
        guard case .resource(let key, _) = source else { return nil }
        return key
    }

    /// Headers that depend on which resource this is (a claim's `Link` to its provenance); none for a list.
    func derivedHeaders() -> [HTTPHeader] {
        guard case .resource(let key, let store) = source else { return [] }
        return store.derivedHeaders(key)
    }

    /// The rendered bytes as an array of their own (the gzip coding compresses them; tests read them).
    public func render() -> [UInt8] {
        switch source {
        case .resource: withRendered { Array($0) }
        case .list(let render): render()
        }
    }

    /// Calls `body` with the rendered bytes, valid only during the call: a resource is rendered into the thread's
    /// reusable buffer (`RenderBuffer`), not into an array of its own.
    public func withRendered<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        switch source {
        case .resource(let key, let store):
            RenderBuffer.with { output in
                store.render(key, into: &output)
                return output.withBytes { body(UnsafeRawBufferPointer($0)) }
            }
        case .list(let render): render().withUnsafeBytes(body)
        }
    }
}

/// Which resource of the dataset being served a body is.
public struct ResourceKey: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case claim, provenance, article, entity
        /// A claim's chain as a PROV-JSON document (`format=prov`).
        case provDocument
        /// By article ordinal, and by a publisher's position among `SourcingIndicators.publishers`.
        case articleIndicators, publisherIndicators
        /// A claim as a W3C Web Annotation (`format=annotation`), and as a schema.org `Claim` (`format=jsonld`).
        case annotation, schemaClaim
        /// An article as a schema.org `NewsArticle` (`format=jsonld`).
        case schemaArticle
    }

    public let kind: Kind
    public let ordinal: UInt32
}

extension ResourceKey {
    /// The key of this resource in an `AdmittingCache`: four bits of kind (ten kinds), the ordinal above them.
    public var cacheKey: UInt64 { UInt64(ordinal) << 4 | UInt64(kind.rawValue) }

    /// The key of this resource's response in one coding: the top bit (above the ordinal's 32 and the kind's 4)
    /// tells the gzip response from the identity one, so that a hit never serves the other coding.
    public func cacheKey(_ coding: ContentCoding) -> UInt64 { coding == .gzip ? cacheKey | 1 << 63 : cacheKey }
}
