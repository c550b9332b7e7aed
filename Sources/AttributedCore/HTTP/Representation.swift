/// A response body rendered once, with its headers and strong ETag, served as is for as long as it lives.
public final class Representation: Sendable {
    /// Where the server finds the native response it built for this representation.
    public enum Slot: Sendable, Hashable {
        /// Lives as long as the process: /healthz, /openapi.yaml.
        case permanent(Int)
        /// Lives as long as one loaded dataset.
        case dataset(Int)
    }

    /// The same body gzipped, with its own tag and headers, compressed once here: nil below
    /// `ResponseCoding.minimumSize` (such a body is always sent as it is, and does not vary by `Accept-Encoding`).
    public struct Gzipped: Sendable {
        public let body: [UInt8]
        public let headers: [HTTPHeader]
    }

    public let slot: Slot
    public let body: [UInt8]
    public let etag: String
    public let headers: [HTTPHeader]
    public let gzipped: Gzipped?

    init(slot: Slot, body: [UInt8], contentType: String, cacheControl: String, extraHeaders: [HTTPHeader] = []) {
        self.slot = slot
        self.body = body
        self.etag = ETag.strong(for: body)
        guard ResponseCoding.compresses(body.count) else {
            headers = StandardHeaders.success(contentType: contentType, etag: etag, cacheControl: cacheControl) + extraHeaders
            gzipped = nil
            return
        }
        let extraHeaders = StandardHeaders.varyingByEncoding(extraHeaders)
        headers = StandardHeaders.success(contentType: contentType, etag: etag, cacheControl: cacheControl) + extraHeaders
        gzipped = Gzipped(body: gzip(body), headers: ResponseCoding.gzipHeaders(headers))
    }

    /// The body sent in `coding`: the identity one when there is no gzip variant.
    public func body(_ coding: ContentCoding) -> [UInt8] { coding == .gzip ? gzipped?.body ?? body : body }
}

/// Hands out consecutive slots while a set of representations is built.
struct RepresentationBuilder {
    private(set) var representations: [Representation] = []
    private let makeSlot: @Sendable (Int) -> Representation.Slot

    init(makeSlot: @escaping @Sendable (Int) -> Representation.Slot) {
        self.makeSlot = makeSlot
    }

    mutating func add(_ json: JSON, cacheControl: String = CacheControl.data, extraHeaders: [HTTPHeader] = []) -> Representation {
        add(json.bytes, contentType: MediaType.json, cacheControl: cacheControl, extraHeaders: extraHeaders)
    }

    mutating func add(_ body: [UInt8], contentType: String, cacheControl: String,
                      extraHeaders: [HTTPHeader] = []) -> Representation {
        let representation = Representation(slot: makeSlot(representations.count), body: body, contentType: contentType,
                                            cacheControl: cacheControl, extraHeaders: extraHeaders)
        representations.append(representation)
        return representation
    }
}
