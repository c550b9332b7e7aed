#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FieldText {
    /// The UTF-8 offsets at which `quote` occurs, at or after byte `from`, in text order (overlapping ones too).
    /// A byte search is a scalar search: UTF-8 is self-synchronizing, so a match of whole scalars starts and ends on
    /// scalar boundaries, and only the few matches are converted to scalar offsets (through the checkpoints).
    func occurrences(of quote: String, fromByte from: Int = 0) -> [Int] {
        var quote = quote
        return quote.withUTF8 { needle in withUTF8 { text in ByteSearch(needle: needle).all(in: text, from: from) } }
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

/// Finds every occurrence of a byte string. Prose goes fast: `memchr` jumps to each candidate first byte and
/// `memcmp` checks it. Repetitive text could make that O(text × quote), so once the comparisons have cost more than
/// a few passes over the text the rest is searched with Knuth–Morris–Pratt, which is linear whatever the bytes.
private struct ByteSearch {
    let needle: UnsafeBufferPointer<UInt8>

    func all(in text: UnsafeBufferPointer<UInt8>, from: Int) -> [Int] {
        guard let first = needle.first, let base = text.baseAddress, from + needle.count <= text.count else { return [] }
        var found: [Int] = []
        var position = from
        var budget = 4 * (text.count - from) + 64
        while position + needle.count <= text.count {
            guard let hit = memchr(base + position, Int32(first), text.count - needle.count + 1 - position) else { return found }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, needle.baseAddress!, needle.count) == 0 { found.append(offset) }
            budget -= needle.count
            position = offset + 1
            if budget < 0 { return found + knuthMorrisPratt(in: text, from: position) }
        }
        return found
    }

    private func knuthMorrisPratt(in text: UnsafeBufferPointer<UInt8>, from: Int) -> [Int] {
        var failure = [Int](repeating: 0, count: needle.count)
        var matched = 0
        for index in needle.indices.dropFirst() {
            while matched > 0, needle[matched] != needle[index] { matched = failure[matched - 1] }
            if needle[matched] == needle[index] { matched += 1 }
            failure[index] = matched
        }
        var found: [Int] = []
        matched = 0
        for index in from..<text.count {
            while matched > 0, needle[matched] != text[index] { matched = failure[matched - 1] }
            if needle[matched] == text[index] { matched += 1 }
            if matched == needle.count {
                found.append(index + 1 - needle.count)
                matched = failure[matched - 1]
            }
        }
        return found
    }
}
