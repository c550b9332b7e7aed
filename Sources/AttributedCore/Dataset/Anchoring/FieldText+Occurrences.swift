import CStringSearch

extension FieldText {
    /// The UTF-8 offsets at which `quote` occurs, at or after byte `from`, in text order (overlapping ones too).
    /// A byte search is a scalar search: UTF-8 is self-synchronizing, so a match of whole scalars starts and ends on
    /// scalar boundaries, and only the few matches are converted to scalar offsets (through the checkpoints).
    func occurrences(of quote: String, fromByte from: Int = 0) -> [Int] {
        var quote = quote
        return quote.withUTF8 { needle in
            withUTF8 { text in
                var found: [Int] = []
                var position = from
                while let hit = ByteSearch.first(needle, in: text, from: position) {
                    found.append(hit)
                    position = hit + 1
                }
                return found
            }
        }
    }

    /// The first offset at or after byte `from` at which `quote` occurs and ends at or before byte `end` (the whole
    /// text when nil), or nil.
    func firstOccurrence(of quote: String, fromByte from: Int, endingBy end: Int? = nil) -> Int? {
        var quote = quote
        return quote.withUTF8 { needle in
            withUTF8 { text in ByteSearch.first(needle, in: text, from: from, end: end ?? text.count) }
        }
    }

    /// The last offset at which `quote` occurs ending at or before byte `end`, or nil: windows of the text before
    /// `end`, each four times the last, are searched until one holds an occurrence, so that a cue just before its
    /// span costs a few hundred bytes of search, not the whole text before it.
    func lastOccurrence(of quote: String, endingBy end: Int) -> Int? {
        var quote = quote
        return quote.withUTF8 { needle in
            withUTF8 { text in
                var window = max(256, 4 * needle.count)
                while true {
                    let start = max(0, end - window)
                    var last: Int?
                    var position = start
                    while let hit = ByteSearch.first(needle, in: text, from: position, end: end) {
                        last = hit
                        position = hit + 1
                    }
                    if last != nil || start == 0 { return last }
                    window *= 4
                }
            }
        }
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

/// Finding a byte string: glibc's `memmem`, which skips along the text by a hash of byte pairs (Horspool) for a
/// needle of up to 256 bytes and uses the Two-Way algorithm, linear whatever the bytes, for a longer one. (A search
/// that jumped to each occurrence of the first byte with `memchr` and compared from there spent most of its time on
/// false starts in prose: a long quote's first letter is in every other word.)
enum ByteSearch {
    /// The first offset at or after `from` where `needle` occurs wholly before `end` (the text's end by default).
    static func first(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from: Int,
                      end: Int? = nil) -> Int? {
        let end = min(end ?? text.count, text.count)
        guard let needleBase = needle.baseAddress, !needle.isEmpty, let base = text.baseAddress, from >= 0,
              from + needle.count <= end else { return nil }
        guard let hit = CStringSearch_memmem(base + from, end - from, needleBase, needle.count) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
