/// Entity or article ids to their ordinals, looked up by UTF-8 bytes: the direct claim path resolves a reference
/// straight from the file's bytes (no String is made for it), and the claim table's builder resolves the ordinary
/// path's Strings with one `Hash64` round a word instead of SipHash, whose set-up alone cost more (a claim makes about
/// eight lookups, an eighth of reading it at a million claims).
///
/// An open-addressing table at most half full, as `ClaimIdIndex`. The hash is seeded per table at random, so a
/// dataset cannot be written to make its ids collide.
struct ReferenceIndex: Sendable {
    /// Ordinal + 1; 0 marks an empty slot. Set once, in `init` (a `var` only so that `init` can probe as it fills it).
    private var slots: [UInt32] = []
    private let mask: Int
    private let seed: UInt64
    private let arena: StringArena
    private let ids: [StringArena.Reference]

    /// `ids` distinct; of a repeated one, the first is found.
    init(_ ids: [String]) {
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        var arena = StringArena()
        let references = ids.map { arena.append($0) }
        (mask, seed, self.arena, self.ids) = (capacity - 1, UInt64.random(in: .min ... .max), arena, references)
        var table = [UInt32](repeating: 0, count: capacity)
        for ordinal in ids.indices {
            let found = arena.withBytes(references[ordinal]) { lookUp($0, in: table) }
            if found.ordinal == nil { table[found.slot] = UInt32(ordinal + 1) }
        }
        slots = table
    }

    func ordinal(_ id: UnsafeBufferPointer<UInt8>) -> Int? { lookUp(id, in: slots).ordinal }

    func ordinal(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { ordinal($0) }
    }

    /// The ordinal of `id`, or the empty slot where it would go.
    private func lookUp(_ id: UnsafeBufferPointer<UInt8>, in slots: [UInt32]) -> (ordinal: Int?, slot: Int) {
        var hash = Hash64(seed: seed)
        hash.combine(UnsafeRawBufferPointer(id))
        var slot = Int(truncatingIfNeeded: hash.value) & mask
        while slots[slot] != 0 {
            let ordinal = Int(slots[slot]) - 1
            if arena.withBytes(ids[ordinal], { $0.hasSameBytes(as: id) }) { return (ordinal, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }
}
