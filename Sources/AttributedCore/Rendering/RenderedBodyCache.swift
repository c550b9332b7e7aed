import Synchronization

/// The bodies of recently listed claims, so that a page asked again and again (a newsroom tool polling the same
/// search) copies bytes instead of rendering 50 claims. Bounded (direct-mapped: a claim has one slot) and striped
/// across locks; a claim is admitted on its second miss in a row in its slot, so that one-off pages do not churn
/// it. It only memoizes: the store's data stays immutable.
final class RenderedBodyCache: Sendable {
    static let slotCount = 16_384
    private static let stripeCount = 64

    private struct Slot: Sendable {
        var ordinal = UInt32.max
        var body: [UInt8] = []
        /// The last claim that missed here: admitted if it misses again.
        var candidate = UInt32.max
    }

    private final class Stripe: Sendable {
        let slots = Mutex([Slot](repeating: Slot(), count: RenderedBodyCache.slotCount / RenderedBodyCache.stripeCount))
    }

    private let stripes = (0..<RenderedBodyCache.stripeCount).map { _ in Stripe() }

    /// Appends the body of `ordinal`, from the cache or by `render`.
    func write(_ ordinal: Int, into output: inout JSONOutput, render: (inout JSONOutput) -> Void) {
        let key = UInt32(truncatingIfNeeded: ordinal)
        let stripe = stripes[ordinal % Self.stripeCount]
        let index = (ordinal / Self.stripeCount) % (Self.slotCount / Self.stripeCount)
        let admit = stripe.slots.withLock { slots -> Bool? in
            if slots[index].ordinal == key {
                output.raw(slots[index].body)
                return nil
            }
            if slots[index].candidate == key { return true }
            slots[index].candidate = key
            return false
        }
        switch admit {
        case nil: return
        case false?: render(&output)
        case true?:
            let start = output.bytes.count
            render(&output)
            let body = Array(output.bytes[start...])
            stripe.slots.withLock { slots in slots[index] = Slot(ordinal: key, body: body, candidate: .max) }
        }
    }
}
