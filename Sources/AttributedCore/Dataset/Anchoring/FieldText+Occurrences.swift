#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CStringSearch

extension FieldText {
    /// The UTF-8 offsets at which `quote` occurs, at or after byte `from`, in text order (overlapping ones too).
    /// A byte search is a scalar search: UTF-8 is self-synchronizing, so a match of whole scalars starts and ends on
    /// scalar boundaries, and only the few matches are converted to scalar offsets (through the checkpoints).
    func occurrences(of quote: String, fromByte from: Int = 0) -> [Int] {
        let search = QuoteSearch(quote, in: self)
        var found: [Int] = []
        var position = from
        while let hit = search.first(fromByte: position) {
            found.append(hit)
            position = hit + 1
        }
        return found
    }

    /// Whether the text just before byte `offset` is `words`.
    func hasText(_ words: String, endingAt offset: Int) -> Bool {
        let count = words.utf8.count
        return count <= offset && matches(words, bytes: offset - count..<offset)
    }

    /// Whether the text just after byte `offset` is `words`.
    func hasText(_ words: String, startingAt offset: Int) -> Bool {
        let count = words.utf8.count
        return withUTF8 { offset + count <= $0.count } && matches(words, bytes: offset..<offset + count)
    }
}

/// The occurrences of one quote in one field, one at a time: its rarest byte is chosen once for all its searches.
struct QuoteSearch {
    let field: FieldText
    private let quote: String
    private let pivot: Int

    init(_ quote: String, in field: FieldText) {
        self.field = field
        self.quote = quote
        var quote = quote
        pivot = quote.withUTF8 { ByteSearch.rarestByte(of: $0) }
    }

    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        var quote = quote
        return quote.withUTF8 { needle in field.withUTF8 { body(needle, $0) } }
    }

    /// The first offset at or after byte `from` at which the quote occurs, ending at or before byte `end` (the text's
    /// end when nil), or nil.
    func first(fromByte from: Int, endingBy end: Int? = nil) -> Int? {
        withBytes { ByteSearch.first($0, pivot: pivot, in: $1, from: from, end: end) }
    }

    /// The last offset at which the quote occurs ending at or before byte `end`, or nil: windows of the text before
    /// `end`, each four times the last, are searched until one holds an occurrence, so that a cue just before its
    /// span costs a few hundred bytes of search, not the whole text before it.
    func last(endingBy end: Int) -> Int? {
        withBytes { needle, text in
            var window = max(256, 4 * needle.count)
            while true {
                let start = max(0, end - window)
                var last: Int?
                var position = start
                while let hit = ByteSearch.first(needle, pivot: pivot, in: text, from: position, end: end) {
                    last = hit
                    position = hit + 1
                }
                if last != nil || start == 0 { return last }
                window *= 4
            }
        }
    }
}

/// Finding a byte string. A needle of four bytes or more is looked for by its rarest byte (by a table of how often
/// bytes occur in English news text): `memchr` jumps from one occurrence of that byte to the next, at memory speed,
/// and `memcmp` checks each. A long quote almost always holds a capital, a digit or a punctuation mark, so that a
/// quote is found, or found to be unique, in a fraction of a pass over the text. Anything else goes to glibc's
/// `memmem` (a 2-byte-hash Horspool up to 256 bytes, Two-Way beyond, linear for a long needle whatever the bytes):
/// short needles, and the rest of a text whose comparisons have cost more than a few passes over it (repetitive
/// text, which could make the byte-by-byte search O(text × quote)).
enum ByteSearch {
    /// The first offset at or after `from` where `needle` occurs wholly before `end` (the text's end by default).
    /// `pivot` is `rarestByte(of: needle)`.
    static func first(_ needle: UnsafeBufferPointer<UInt8>, pivot: Int, in text: UnsafeBufferPointer<UInt8>, from: Int,
                      end: Int? = nil) -> Int? {
        let end = min(end ?? text.count, text.count)
        guard let needleBase = needle.baseAddress, !needle.isEmpty, let base = text.baseAddress, from >= 0,
              from + needle.count <= end else { return nil }
        var position = from
        if needle.count >= 4 {
            let rare = Int32(needle[pivot])
            var budget = 4 * (end - from) + 64
            while position + needle.count <= end {
                // The candidates' rare bytes lie in position + pivot ... end - needle.count + pivot.
                guard let hit = memchr(base + position + pivot, rare, end - needle.count + 1 - position) else { return nil }
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - pivot
                if memcmp(base + start, needleBase, needle.count) == 0 { return start }
                position = start + 1
                budget -= needle.count
                if budget < 0 { break }
            }
            guard position + needle.count <= end else { return nil }
        }
        guard let hit = CStringSearch_memmem(base + position, end - position, needleBase, needle.count) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the needle's rarest byte, among its first 32.
    static func rarestByte(of needle: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0
        for offset in 1..<max(1, min(needle.count, 32)) where rarity[Int(needle[offset])] > rarity[Int(needle[best])] { best = offset }
        return best
    }

    /// Bytes from the most frequent in English news text (UTF-8: curly quotes, apostrophes and dashes start with
    /// E2 80) to the least; any byte not listed is rarer than all of them.
    private static let rarity: [UInt8] = {
        let common = Array(" etaoinsrhldcumfpgwyb,.vk".utf8) + [0xE2, 0x80]
            + Array("TSAICMBPHWNRDLEGFOJ-x'\"0123456789()jqzKUVYQXZ:;!?\n".utf8) + [0x99, 0x9C, 0x9D, 0x94, 0x93]
        var rarity = [UInt8](repeating: UInt8(common.count), count: 256)
        for (rank, byte) in common.enumerated() where rarity[Int(byte)] == UInt8(common.count) { rarity[Int(byte)] = UInt8(rank) }
        return rarity
    }()
}
