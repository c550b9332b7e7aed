import AttributedCore
import CMicroHTTPD

/// Finished libmicrohttpd responses of a dataset's hot resources, so that a hot claim is rendered once and then
/// served like a constant (the policy is `AdmittingCache`'s).
final class ResponseCache: Sendable {
    private let responses = AdmittingCache<CachedResponse>(slots: 8192)

    /// Queues the response for `key`: the cached one, or one built by `make` (and kept when the cache admits it).
    func queue(_ key: ResourceKey, on connection: OpaquePointer, make: () -> OpaquePointer?) -> MHD_Result? {
        switch responses.lookup(key.cacheKey) {
        case .hit(let cached):
            // MHD takes its own reference; `cached` keeps the response alive until then.
            return withExtendedLifetime(cached) { MHD_queue_response(connection, 200, cached.response) }
        case .miss(let admit):
            guard let response = make() else { return nil }
            let cached = CachedResponse(response)
            if admit { responses.store(cached, for: key.cacheKey) }
            return withExtendedLifetime(cached) { MHD_queue_response(connection, 200, response) }
        }
    }
}

/// One MHD response owned by Swift: destroyed when the cache and the last request that looked it up let go of it
/// (MHD reference-counts it too, so a connection still sending it is unaffected).
final class CachedResponse: @unchecked Sendable {
    let response: OpaquePointer

    init(_ response: OpaquePointer) { self.response = response }

    deinit { MHD_destroy_response(response) }
}
