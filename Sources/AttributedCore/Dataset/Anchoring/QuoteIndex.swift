#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every scalar boundary of a long field, sorted by the four bytes that follow it: the occurrences of a quote are
/// then a binary search away. Without it, each quote-only claim of a long article (a transcript with thousands of
/// claims) costs a pass over the whole field, and loading the article is quadratic in its length.
struct QuoteIndex {
    /// Byte offsets, ordered by (the four bytes at the offset, the offset).
    private let positions: [UInt32]

    init(_ field: FieldText) {
        positions = field.withUTF8 { text in
            var keyed: [UInt64] = []
            keyed.reserveCapacity(text.count)
            for offset in text.indices where text[offset] & 0xC0 != 0x80 {
                keyed.append(UInt64(Self.key(text, at: offset)) << 32 | UInt64(offset))
            }
            keyed.sort()
            return keyed.map { UInt32(truncatingIfNeeded: $0) }
        }
    }

    /// The same as `FieldText.occurrences(of:fromByte:)`. A quote is looked up by its rarest four bytes (of those
    /// starting a scalar), so "the plan 12 was approved" costs the few places of "n 12", not every "the ".
    func occurrences(of quote: String, fromByte from: Int, in field: FieldText) -> [Int] {
        var quote = quote
        return quote.withUTF8 { needle in
            guard !needle.isEmpty else { return [] }
            return field.withUTF8 { text in
                var best = (offset: 0, places: range(of: needle, at: 0, in: text))
                if needle.count > 4 {
                    for offset in 1...(needle.count - 4) where needle[offset] & 0xC0 != 0x80 && best.places.count > 1 {
                        let places = range(of: needle, at: offset, in: text)
                        if places.count < best.places.count { best = (offset, places) }
                    }
                }
                var found: [Int] = []
                for position in positions[best.places] {
                    let start = Int(position) - best.offset
                    guard start >= from, start + needle.count <= text.count else { continue }
                    if memcmp(text.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { found.append(start) }
                }
                if needle.count < 4 { found.sort() }  // several keys: not in offset order
                return found
            }
        }
    }

    /// The positions whose four bytes are the quote's at `offset`; a quote shorter than four bytes matches every
    /// key that begins with it, one range of keys.
    private func range(of needle: UnsafeBufferPointer<UInt8>, at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let key = Self.key(needle, at: offset)
        let fill = needle.count >= 4 ? 0 : UInt32.max >> (8 * UInt32(needle.count))
        return lowerBound(text) { $0 >= key }..<lowerBound(text) { $0 > key | fill }
    }

    private func lowerBound(_ text: UnsafeBufferPointer<UInt8>, _ isAtOrPast: (UInt32) -> Bool) -> Int {
        var low = 0, high = positions.count
        while low < high {
            let mid = (low + high) / 2
            if isAtOrPast(Self.key(text, at: Int(positions[mid]))) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// The four bytes at `offset`, big-endian so that keys sort as the bytes do; zeros past the end.
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        var key: UInt32 = 0
        for index in offset..<offset + 4 { key = key << 8 | UInt32(index < bytes.count ? bytes[index] : 0) }
        return key
    }
}

/// A worker's index of the long field it is searching now. Claims of one article usually come together, so one
/// entry is enough; an index is built only once a long field has been searched many times in a row, so short
/// fields, and datasets that give their offsets, never pay for one. (Building one sorts every position of the field,
/// which costs as much as hundreds of `ByteSearch` passes over it: a news article's few dozen or hundred quotes are
/// searched for faster without. Cues are searched for outward from their span, and never ask for one.)
final class QuoteIndexCache {
    static let minimumLength = 16 * 1024
    static let searchesBeforeIndexing = 256

    private var field: (article: String, field: ArticleField, index: Int?)?
    private var searches = 0
    private var index: QuoteIndex?

    func index(for article: String, _ field: ArticleField, _ bullet: Int?, text: FieldText) -> QuoteIndex? {
        guard text.withUTF8({ $0.count }) >= Self.minimumLength else { return nil }
        if let current = self.field, current.article == article, current.field == field, current.index == bullet {
            searches += 1
        } else {
            self.field = (article, field, bullet)
            searches = 1
            index = nil
        }
        if index == nil, searches >= Self.searchesBeforeIndexing { index = QuoteIndex(text) }
        return index
    }
}
