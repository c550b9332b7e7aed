import AttributedCore
import CMicroHTTPD

/// Finished libmicrohttpd responses of a dataset's hot resources, so that a hot claim is rendered once and then
/// served like a constant (the policy is `AdmittingCache`'s).
final class ResponseCache: Sendable {
    private let responses = AdmittingCache<CachedResponse>(slots: 8192)

    /// Queues the response for `key` (a resource's in one coding, `ResourceKey.cacheKey(_:)`): the cached one, or
    /// one built by `make` (and kept when the cache admits it, which `make` is told). Returns MHD's verdict and the
    /// body's length; nil when `make` could not build a response.
    func queue(_ key: UInt64, on connection: OpaquePointer,
               make: (_ kept: Bool) -> (response: OpaquePointer, bodyBytes: Int)?) -> (result: MHD_Result, bodyBytes: Int)? {
        switch responses.lookup(key) {
        case .hit(let cached):
            // MHD takes its own reference; `cached` keeps the response alive until then.
            return (withExtendedLifetime(cached) { MHD_queue_response(connection, 200, cached.response) }, cached.bodyBytes)
        case .miss(let admit):
            guard let made = make(admit) else { return nil }
            let cached = CachedResponse(made.response, bodyBytes: made.bodyBytes)
            if admit { responses.store(cached, for: key) }
            return (withExtendedLifetime(cached) { MHD_queue_response(connection, 200, made.response) }, made.bodyBytes)
        }
    }
}

/// One MHD response owned by Swift: destroyed when the cache and the last request that looked it up let go of it
/// (MHD reference-counts it too, so a connection still sending it is unaffected).
final class CachedResponse: @unchecked Sendable {
    let response: OpaquePointer
    let bodyBytes: Int

    init(_ response: OpaquePointer, bodyBytes: Int) {
        self.response = response
        self.bodyBytes = bodyBytes
    }

    deinit { MHD_destroy_response(response) }
}
