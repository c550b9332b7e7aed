/// Finding the next byte of a small set, eight bytes at a time (SWAR): the loader's scan and string reads step over
/// hundreds of megabytes of JSON, and a byte-at-a-time loop spent about eight instructions on each byte.
///
/// Each test sets the high bit of the matching bytes of a word. Above the first match a bit may be set wrongly (a
/// borrow carries past it); at and below it the bits are exact, so only the lowest set bit is ever used.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The first offset from `start` whose byte is `"`, `\` or a control character (what ends a plain JSON string's
    /// contents), or `bytes.count`.
    static func firstQuoteBackslashOrControl(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstMatch(bytes, from: start, word: { equal($0, 0x22) | equal($0, 0x5C) | below($0, 0x20) },
                   byte: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 })
    }

    /// The first offset from `start` whose byte is `"` or `\`, or `bytes.count`.
    static func firstQuoteOrBackslash(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstMatch(bytes, from: start, word: { equal($0, 0x22) | equal($0, 0x5C) }, byte: { $0 == 0x22 || $0 == 0x5C })
    }

    /// The first offset from `start` whose byte is a bracket or brace (either way) or `"`, or `bytes.count`.
    static func firstBracketOrQuote(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        // `[` and `{` differ only in the 0x20 bit, as do `]` and `}`: setting it folds each pair into one test.
        firstMatch(bytes, from: start, word: { equal($0 | 0x2020_2020_2020_2020, 0x7B) | equal($0 | 0x2020_2020_2020_2020, 0x7D)
                                               | equal($0, 0x22) },
                   byte: { $0 | 0x20 == 0x7B || $0 | 0x20 == 0x7D || $0 == 0x22 })
    }

    @inline(__always)
    private static func firstMatch(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, word: (UInt64) -> UInt64,
                                   byte: (UInt8) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var position = max(start, 0)
        while position + 8 <= bytes.count {
            let found = word(UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)))
            if found != 0 { return position + found.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < bytes.count, !byte(base[position]) { position += 1 }
        return position
    }

    /// High bits of the bytes of `word` equal to `value`.
    @inline(__always)
    private static func equal(_ word: UInt64, _ value: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(value))
        return (difference &- ones) & ~difference & highBits
    }

    /// High bits of the bytes of `word` below `value` (at most 0x80).
    @inline(__always)
    private static func below(_ word: UInt64, _ value: UInt8) -> UInt64 {
        (word &- ones &* UInt64(value)) & ~word & highBits
    }
}
