import AttributedCore
import CMicroHTTPD
import Synchronization

/// Finished libmicrohttpd responses for recently asked dataset resources, so a hot claim is rendered once and
/// then served like a constant. Bounded (direct-mapped: a resource has one slot, a newcomer replaces what was
/// there) and striped across locks so that worker threads rarely meet. A resource is admitted on its second miss
/// in a row in its slot: one-off requests spread over a million claims would otherwise only churn the cache (that
/// costs about a tenth of their throughput). MHD reference-counts responses: replacing one that a connection is
/// still sending only drops the cache's reference.
final class ResponseCache: Sendable {
    static let slotCount = 8192
    private static let stripeCount = 64

    private struct Slot: @unchecked Sendable {
        var key: ResourceKey?
        var response: OpaquePointer?
        /// The last resource that missed here: admitted if it misses again.
        var candidate: ResourceKey?
    }

    private final class Stripe: Sendable {
        let slots = Mutex([Slot](repeating: Slot(), count: ResponseCache.slotCount / ResponseCache.stripeCount))
    }

    private let stripes: [Stripe]

    init() {
        stripes = (0..<Self.stripeCount).map { _ in Stripe() }
    }

    /// Queues the cached response for `key`, building it with `make` first when it is not cached.
    func queue(_ key: ResourceKey, on connection: OpaquePointer, make: () -> OpaquePointer?) -> MHD_Result? {
        let hash = Int(truncatingIfNeeded: (UInt64(key.ordinal) << 3 | UInt64(key.kind.rawValue)) &* 0x9E37_79B9_7F4A_7C15 >> 40)
        let stripe = stripes[hash % Self.stripeCount]
        let index = (hash / Self.stripeCount) % (Self.slotCount / Self.stripeCount)
        enum Lookup { case hit(MHD_Result), admit, pass }
        let lookup = stripe.slots.withLock { slots -> Lookup in
            if slots[index].key == key, let response = slots[index].response {
                return .hit(MHD_queue_response(connection, 200, response))
            }
            if slots[index].candidate == key { return .admit }
            slots[index].candidate = key
            return .pass
        }
        switch lookup {
        case .hit(let result): return result
        case .pass:
            guard let response = make() else { return nil }
            defer { MHD_destroy_response(response) }
            return MHD_queue_response(connection, 200, response)
        case .admit:
            guard let response = make() else { return nil }
            return stripe.slots.withLock { slots in
                if let old = slots[index].response { MHD_destroy_response(old) }
                slots[index] = Slot(key: key, response: response, candidate: nil)
                return MHD_queue_response(connection, 200, response)
            }
        }
    }

    deinit {
        for stripe in stripes {
            stripe.slots.withLock { slots in
                for slot in slots { if let response = slot.response { MHD_destroy_response(response) } }
            }
        }
    }
}
