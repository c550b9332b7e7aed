import Foundation

/// Finds a claim's ordinal by its id: an open-addressing table (at most half full) over the ids already in the claim
/// table's arena, where a `[String: Int]` would hold a second copy of every id. A slot holds the ordinal and the
/// upper half of the id's hash, so a probe that lands on another id is told apart without reading that claim's
/// record and id (two cache misses each, among a million claims).
struct ClaimIdIndex: Sendable {
    private let slots: [UInt64]
    private let mask: Int

    init(_ claims: ClaimTable) {
        var capacity = 16
        while capacity < claims.count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for ordinal in claims.indices {
            let hash = claims.strings.withBytes(claims.records[ordinal].id) { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.slot(hash: hash, ordinal: ordinal)
        }
        self.slots = slots
        self.mask = mask
    }

    func ordinal(of id: String, in claims: ClaimTable) -> Int? {
        var id = id
        return id.withUTF8 { key in
            let hash = Self.hash(key)
            let fingerprint = hash >> 32
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let entry = slots[slot]
                if entry >> 32 == fingerprint {
                    let ordinal = Int(UInt32(truncatingIfNeeded: entry)) - 1
                    if claims.strings.withBytes(claims.records[ordinal].id, { $0.hasSameBytes(as: key) }) { return ordinal }
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// The hash's upper half beside the ordinal + 1 (0 marks an empty slot).
    private static func slot(hash: UInt64, ordinal: Int) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(ordinal + 1)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = Hash64()
        hash.combine(UnsafeRawBufferPointer(bytes))
        return hash.value
    }
}
