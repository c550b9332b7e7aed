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

    // MARK: UTF-8 scalars

    /// How many bytes of `range` start a Unicode scalar (are not continuation bytes, 0b10xxxxxx).
    static func scalarStarts(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var position = range.lowerBound
        while position + 8 <= range.upperBound {
            count += scalarStarts(word(base, position)).nonzeroBitCount
            position += 8
        }
        while position < range.upperBound {
            if base[position] & 0xC0 != 0x80 { count += 1 }
            position += 1
        }
        return count
    }

    /// High bits of the bytes of `word` that start a scalar: a continuation byte has bit 7 set and bit 6 clear, and
    /// shifting the word left by one puts each byte's bit 6 under its bit 7.
    @inline(__always)
    static func scalarStarts(_ word: UInt64) -> UInt64 {
        ~(word & ~(word << 1)) & highBits
    }

    /// Whether `word` holds a byte of 0x80 or above.
    @inline(__always)
    static func hasNonASCII(_ word: UInt64) -> Bool { word & highBits != 0 }

    /// The eight bytes at `offset` as a little-endian word (all eight must be there).
    @inline(__always)
    static func word(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    @inline(__always)
    private static func firstMatch(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, word: (UInt64) -> UInt64,
                                   byte: (UInt8) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var position = max(start, 0)
        while position + 8 <= bytes.count {
            let found = word(Self.word(base, position))
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
