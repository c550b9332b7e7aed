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
    }

    public var status: Int
    public var headers: [HTTPHeader]
    public var body: Body

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
        }
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
