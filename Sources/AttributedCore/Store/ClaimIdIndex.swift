import Foundation

/// Finds a claim's ordinal by its id: an open-addressing table (at most half full) over the ids already in the claim
/// table's arena, where a `[String: Int]` would hold a second copy of every id. A slot holds the ordinal, the upper
/// half of the id's hash and where the id's bytes are: a probe that lands on another id is told apart without
/// reading anything else, and a hit compares the id's bytes straight away. Reading them through the claim's record
/// instead made the record a third cache miss in a row, among a million claims; now the record is prefetched while
/// the bytes are compared.
struct ClaimIdIndex: Sendable {
    private struct Slot {
        /// The upper half of the id's hash.
        var fingerprint: UInt32 = 0
        /// The claim's ordinal + 1; 0 marks an empty slot.
        var ordinalPlusOne: UInt32 = 0
        var id = StringArena.Reference.empty
    }

    private let slots: [Slot]
    private let mask: Int

    init(_ claims: ClaimTable) {
        var capacity = 16
        while capacity < claims.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        let mask = capacity - 1
        for ordinal in claims.indices {
            let id = claims.records[ordinal].id
            let hash = claims.strings.withBytes(id) { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].ordinalPlusOne != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(fingerprint: UInt32(truncatingIfNeeded: hash >> 32), ordinalPlusOne: UInt32(ordinal + 1), id: id)
        }
        self.slots = slots
        self.mask = mask
    }

    func ordinal(of id: String, in claims: ClaimTable) -> Int? {
        var id = id
        return id.withUTF8 { key in
            let hash = Self.hash(key)
            let fingerprint = UInt32(truncatingIfNeeded: hash >> 32)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].ordinalPlusOne != 0 {
                if slots[slot].fingerprint == fingerprint {
                    // Almost surely the claim: its record is fetched while the id's bytes are compared.
                    claims.records.prefetch(Int(slots[slot].ordinalPlusOne) - 1, lines: 2)
                    if claims.strings.withBytes(slots[slot].id, { $0.hasSameBytes(as: key) }) {
                        return Int(slots[slot].ordinalPlusOne) - 1
                    }
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = Hash64()
        hash.combine(UnsafeRawBufferPointer(bytes))
        return hash.value
    }
}
