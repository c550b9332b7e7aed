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
    }

    public var status: Int
    public var headers: [HTTPHeader]
    public var body: Body
    /// For a list: the candidates its query examined (not sent; tests bound a query's cost with it).
    public var examined: Int?

    public init(status: Int, headers: [HTTPHeader], body: Body = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(_ representation: Representation) {
        self.init(status: 200, headers: representation.headers, body: .representation(representation))
    }

    public var bodyBytes: [UInt8] {
        switch body {
        case .empty: []
        case .bytes(let bytes): bytes
        case .representation(let representation): representation.body
        case .rendered(let rendered): rendered.render()
        }
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// A body rendered when needed, with the key a server may cache the finished response under (nil: a list,
/// assembled per request).
public struct RenderedBody: Sendable {
    public let key: ResourceKey?
    public let render: @Sendable () -> [UInt8]
}

/// Which resource of the dataset being served a body is.
public struct ResourceKey: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case claim, provenance, article, entity
    }

    public let kind: Kind
    public let ordinal: UInt32
}

extension ResourceKey {
    /// The key of this resource in an `AdmittingCache`.
    public var cacheKey: UInt64 { UInt64(ordinal) << 3 | UInt64(kind.rawValue) }
}
