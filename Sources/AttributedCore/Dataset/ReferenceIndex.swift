import Glibc

/// Entity or article ids to their ordinals, looked up by UTF-8 bytes: the direct claim path resolves a reference
/// straight from the file's bytes (no String is made for it), and the claim table's builder resolves the ordinary
/// path's Strings with one `Hash64` round a word instead of SipHash, whose set-up alone cost more (a claim makes about
/// eight lookups, an eighth of reading it at a million claims).
///
/// An open-addressing table at most half full, as `ClaimIdIndex`. The hash is seeded per table at random, so a
/// dataset cannot be written to make its ids collide.
struct ReferenceIndex: Sendable {
    private let slots: [UInt32]  // ordinal + 1; 0 marks an empty slot
    private let mask: Int
    private let seed: UInt64
    private let ids: IdBytes

    /// `ids` distinct; of a repeated one, the first is found.
    init(_ ids: [String]) {
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        let (mask, seed, keys) = (capacity - 1, UInt64.random(in: .min ... .max), IdBytes(ids))
        var slots = [UInt32](repeating: 0, count: capacity)
        for ordinal in ids.indices {
            let found = keys.withID(ordinal) { Self.lookUp($0, slots: slots, mask: mask, seed: seed, ids: keys) }
            if found.ordinal == nil { slots[found.slot] = UInt32(ordinal + 1) }
        }
        (self.slots, self.mask, self.seed, self.ids) = (slots, mask, seed, keys)
    }

    func ordinal(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        Self.lookUp(id, slots: slots, mask: mask, seed: seed, ids: ids).ordinal
    }

    func ordinal(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { ordinal($0) }
    }

    /// The ordinal of `id`, or the empty slot where it would go.
    private static func lookUp(_ id: UnsafeBufferPointer<UInt8>, slots: [UInt32], mask: Int, seed: UInt64,
                               ids: IdBytes) -> (ordinal: Int?, slot: Int) {
        var hash = Hash64(seed: seed)
        hash.combine(UnsafeRawBufferPointer(id))
        var slot = Int(truncatingIfNeeded: hash.value) & mask
        while slots[slot] != 0 {
            let ordinal = Int(slots[slot]) - 1
            if ids.withID(ordinal, { $0.count == id.count && (id.isEmpty || memcmp($0.baseAddress!, id.baseAddress!, id.count) == 0) }) {
                return (ordinal, slot)
            }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// Every id's bytes, end to end.
    private struct IdBytes: Sendable {
        let bytes: [UInt8]
        let ends: [Int]

        init(_ ids: [String]) {
            var bytes: [UInt8] = []
            var ends: [Int] = []
            for id in ids {
                bytes += id.utf8
                ends.append(bytes.count)
            }
            (self.bytes, self.ends) = (bytes, ends)
        }

        func withID<R>(_ ordinal: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let start = ordinal == 0 ? 0 : ends[ordinal - 1]
            return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[ordinal]])) }
        }
    }
}
