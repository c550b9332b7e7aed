/// Finds a claim's ordinal by its id: an open-addressing table of ordinals (4 bytes a slot, at most half full)
/// over the ids already in the claim table's arena, where a `[String: Int]` would hold a second copy of every id.
struct ClaimIdIndex: Sendable {
    private let slots: [UInt32]
    private let mask: Int

    init(_ claims: ClaimTable) {
        var capacity = 16
        while capacity < claims.count * 2 { capacity *= 2 }
        var slots = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for ordinal in claims.indices {
            var slot = claims.strings.withBytes(claims.records[ordinal].id) { Self.hash($0) } & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(ordinal + 1)  // 0 marks an empty slot
        }
        self.slots = slots
        self.mask = mask
    }

    func ordinal(of id: String, in claims: ClaimTable) -> Int? {
        var id = id
        return id.withUTF8 { key in
            var slot = Self.hash(key) & mask
            while slots[slot] != 0 {
                let ordinal = Int(slots[slot] - 1)
                if claims.strings.withBytes(claims.records[ordinal].id, { $0.elementsEqual(key) }) { return ordinal }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = Hash64()
        hash.combine(UnsafeRawBufferPointer(bytes))
        return Int(truncatingIfNeeded: hash.value)
    }
}
