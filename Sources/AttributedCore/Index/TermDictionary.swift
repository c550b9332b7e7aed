/// Interns folded terms given as UTF-8 bytes, numbering them 0, 1, 2… in first-seen order.
///
/// Open addressing over one byte arena instead of `[String: UInt32]`: the indexer looks up every word occurrence
/// (tens of millions at a million documents) straight from the folding buffer, without making a `String` for each.
struct TermDictionary {
    /// Every term's bytes, term after term.
    private(set) var bytes: [UInt8] = []
    /// `count + 1` positions in `bytes`.
    private(set) var offsets: [UInt32] = [0]
    /// Power-of-two table; 0 is empty, otherwise the term's 32-bit hash above its id + 1, so a probe compares bytes
    /// only on a full hash match.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)

    var count: Int { offsets.count - 1 }

    func term(_ id: Int) -> ArraySlice<UInt8> { bytes[Int(offsets[id])..<Int(offsets[id + 1])] }

    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if equals(id, term) { return UInt32(id) }
            }
            slot = (slot + 1) & mask
        }
        let id = UInt32(count)
        bytes.append(contentsOf: term)
        offsets.append(UInt32(bytes.count))
        slots[slot] = UInt64(hash) << 32 | UInt64(id + 1)
        if count * 2 > slots.count { grow() }
        return id
    }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[id])
        guard Int(offsets[id + 1]) - start == term.count else { return false }
        return bytes.withUnsafeBufferPointer { arena in
            for index in 0..<term.count where arena[start + index] != term[index] { return false }
            return true
        }
    }

    /// Doubles the table, re-placing entries by their stored hashes (no term is hashed again).
    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for entry in slots where entry != 0 {
            var slot = Int(entry >> 32) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = entry
        }
        slots = larger
    }

    /// FNV-1a, folded to 32 bits with a final mix so the low bits (the slot) depend on every byte.
    private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        value ^= value >> 29
        value &*= 0xBF58_476D_1CE4_E5B9
        value ^= value >> 32
        return UInt32(truncatingIfNeeded: value)
    }

    /// Releases the table once no more terms come.
    mutating func finishInterning() { slots = [] }
}
