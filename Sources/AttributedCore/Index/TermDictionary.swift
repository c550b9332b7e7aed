/// Interns folded terms given as UTF-8 bytes, numbering them 0, 1, 2… in first-seen order.
///
/// Open addressing over one byte arena instead of `[String: UInt32]`: the indexer looks up every word occurrence
/// (tens of millions at a million documents) straight from the folding buffer, without making a `String` for each.
/// A lookup's cost is cache misses on a table of millions of terms, so a slot (16 bytes, in one cache line) holds a
/// term of up to 8 bytes itself: most words are found without touching the arena.
struct TermDictionary {
    /// Every term's bytes, term after term.
    private(set) var bytes: [UInt8] = []
    /// `count + 1` positions in `bytes`.
    private(set) var offsets: [UInt32] = [0]
    /// Two words per slot, a power-of-two number of slots. Word 0: the bytes of a term of up to 8 bytes, zero-padded
    /// (a term never holds a zero byte), else a 64-bit hash of the term. Word 1: the id + 1 (0: empty slot) in the low
    /// 32 bits, the term's length (saturating) above.
    private var slots: [UInt64] = Array(repeating: 0, count: 2 * 1024)

    var count: Int { offsets.count - 1 }

    func term(_ id: Int) -> ArraySlice<UInt8> { bytes[Int(offsets[id])..<Int(offsets[id + 1])] }

    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let key = Self.key(term)
        let length = UInt64(min(term.count, 0xFFFF_FFFF))
        let mask = slots.count / 2 - 1
        var slot = Self.position(key, length) & mask
        let found: UInt32? = slots.withUnsafeBufferPointer { slots in
            while true {
                let meta = slots[2 * slot + 1]
                if meta == 0 { return nil }
                if slots[2 * slot] == key && meta >> 32 == length {
                    let id = Int(truncatingIfNeeded: meta & 0xFFFF_FFFF) - 1
                    if term.count <= 8 || equals(id, term) { return UInt32(id) }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let id = UInt32(count)
        bytes.append(contentsOf: term)
        offsets.append(UInt32(bytes.count))
        slots[2 * slot] = key
        slots[2 * slot + 1] = length << 32 | UInt64(id + 1)
        if 10 * count > 7 * (slots.count / 2) { grow() }
        return id
    }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[id])
        return bytes.withUnsafeBufferPointer { arena in
            for index in 0..<term.count where arena[start + index] != term[index] { return false }
            return true
        }
    }

    /// Doubles the table, re-placing entries from their stored keys (no term is read again).
    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count / 2 - 1
        for slot in 0..<slots.count / 2 where slots[2 * slot + 1] != 0 {
            let key = slots[2 * slot]
            let meta = slots[2 * slot + 1]
            var position = Self.position(key, meta >> 32) & mask
            while larger[2 * position + 1] != 0 { position = (position + 1) & mask }
            larger[2 * position] = key
            larger[2 * position + 1] = meta
        }
        slots = larger
    }

    /// A short term's bytes, or a long term's hash (8 bytes at a time, multiply-mixed).
    private static func key(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        if term.count <= 8 {
            for index in 0..<term.count { key |= UInt64(term[index]) << (8 * UInt64(index)) }
            return key
        }
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        var index = 0
        while index < term.count {
            var word: UInt64 = 0
            for offset in 0..<min(8, term.count - index) { word |= UInt64(term[index + offset]) << (8 * UInt64(offset)) }
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            index += 8
        }
        return hash
    }

    /// The home slot: the key and length mixed so the low bits depend on every byte.
    private static func position(_ key: UInt64, _ length: UInt64) -> Int {
        var value = (key ^ length &* 0x94D0_49BB_1331_11EB) &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 29
        value &*= 0x94D0_49BB_1331_11EB
        value ^= value >> 32
        return Int(truncatingIfNeeded: value)
    }

    /// Releases the table once no more terms come.
    mutating func finishInterning() { slots = [] }
}
