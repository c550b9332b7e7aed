
/// A bounded cache of hot values for a dataset's resources: direct-mapped (a key has one slot, a newcomer replaces
/// what was there) and striped across locks so that worker threads rarely meet. A key is admitted on its second
/// miss in a row in its slot: one-off requests spread over a million claims would otherwise only churn it (that
/// cost about a tenth of their throughput). Both the finished responses of single resources (the server) and the
/// bodies of listed claims (list pages) are kept this way.
///
/// Inlinable so that the server's module specializes it for its own values: unspecialized, every lookup looked up
/// the generic metadata of its slots (about 2,800 instructions a request).
public final class AdmittingCache<Value: Sendable>: Sendable {
    public enum Lookup {
        case hit(Value)
        /// Not cached; `admit` says whether the caller should `store` the value it makes.
        case miss(admit: Bool)
    }

    @usableFromInline
    struct Slot: Sendable {
        @usableFromInline var key = UInt64.max
        @usableFromInline var value: Value?
        /// The last key that missed here: admitted if it misses again.
        @usableFromInline var candidate = UInt64.max

        @usableFromInline init() {}

        @usableFromInline init(key: UInt64, value: Value?) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline
    final class Stripe: Sendable {
        @usableFromInline let slots: Locked<[Slot]>
        init(slots: Int) { self.slots = Locked([Slot](repeating: Slot(), count: slots)) }
    }

    @usableFromInline static var stripeCount: Int { 64 }
    @usableFromInline let stripes: [Stripe]
    @usableFromInline let slotsPerStripe: Int

    public init(slots: Int) {
        slotsPerStripe = max(1, slots / Self.stripeCount)
        stripes = (0..<Self.stripeCount).map { [slotsPerStripe] _ in Stripe(slots: slotsPerStripe) }
    }

    @inlinable
    public func lookup(_ key: UInt64) -> Lookup {
        let (stripe, index) = place(key)
        return stripe.slots.withLock { slots in
            if slots[index].key == key, let value = slots[index].value { return .hit(value) }
            if slots[index].candidate == key { return .miss(admit: true) }
            slots[index].candidate = key
            return .miss(admit: false)
        }
    }

    @inlinable
    public func store(_ value: Value, for key: UInt64) {
        let (stripe, index) = place(key)
        stripe.slots.withLock { slots in slots[index] = Slot(key: key, value: value) }
    }

    @inlinable
    func place(_ key: UInt64) -> (Stripe, Int) {
        let hash = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40)
        return (stripes[hash % Self.stripeCount], (hash / Self.stripeCount) % slotsPerStripe)
    }
}
