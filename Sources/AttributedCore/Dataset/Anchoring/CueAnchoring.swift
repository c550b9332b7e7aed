/// Places a cue written without offsets: the occurrence of its words nearest the claim's span (by the distance
/// between the two ranges, 0 when they touch or overlap). Two occurrences equally near are an error, not a guess.
struct CueAnchoring {
    let quotes: QuoteAnchoring
    /// The span's covering range, in scalars and in bytes.
    let span: Range<Int>
    let spanBytes: Range<Int>

    func anchor(_ words: String) -> (scalars: Range<Int>, bytes: Range<Int>)? {
        let length = words.utf8.count
        let near = nearOccurrences(of: words, length: length)
        guard !near.isEmpty else {
            reportMissing(words)
            return nil
        }
        let candidates = near.map { start -> (scalars: Range<Int>, bytes: Range<Int>) in
            let bytes = start..<start + length
            return (quotes.field.scalarRange(ofBytes: bytes), bytes)
        }
        let nearest = candidates.map { distance($0.scalars) }.min()!
        let nearestOnes = candidates.filter { distance($0.scalars) == nearest }
        guard nearestOnes.count == 1 else {
            let starts = nearestOnes.map(\.scalars.lowerBound)
            quotes.source.report("cue \(quoted(words)) is equally near the span \(offsetList(starts)) (\(counted(nearest, "Unicode scalar")) "
                                 + "away): give the start of the one you mean, as in {\"text\": \(quoted(words)), \"start\": \(starts[0])}",
                                 quotes.wordsKey)
            return nil
        }
        return nearestOnes[0]
    }

    /// The occurrences that can be nearest, in text order: the last one ending by the span's start, those
    /// overlapping the span and the first one after it (of these, those that cannot be as near as the others may be
    /// left out). They are found by searching outward from the span, not the whole field (a long article may hold
    /// thousands of "said"), and only they are turned into scalar offsets.
    private func nearOccurrences(of words: String, length: Int) -> [Int] {
        let field = quotes.field
        let search = QuoteSearch(words, in: field)
        // Overlapping the span: ending past its start, starting before its end.
        var overlapping: [Int] = []
        var position = max(0, spanBytes.lowerBound - length + 1)
        while let found = search.first(fromByte: position, endingBy: spanBytes.upperBound - 1 + length) {
            overlapping.append(found)
            position = found + 1
        }
        // Before it: when some overlap, the one before matters only if it touches the span.
        let before = overlapping.isEmpty
            ? search.last(endingBy: spanBytes.lowerBound)
            : field.hasText(words, endingAt: spanBytes.lowerBound) ? spanBytes.lowerBound - length : nil
        // After it: looked for only as far as it could be as near as those already found.
        let nearest = overlapping.isEmpty ? before.map { span.lowerBound - field.scalarOffset(ofByte: $0 + length) } : 0
        let limit = nearest.map { field.byteOffset(ofScalar: min(field.scalarCount, span.upperBound + $0)) + length }
        let after = search.first(fromByte: spanBytes.upperBound, endingBy: limit)
        return (before.map { [$0] } ?? []) + overlapping + (after.map { [$0] } ?? [])
    }

    private func distance(_ range: Range<Int>) -> Int {
        max(0, range.lowerBound - span.upperBound, span.lowerBound - range.upperBound)
    }

    /// As for a span, but of near misses equally different, the one nearest the span is closest.
    private func reportMissing(_ words: String) {
        quotes.reportMissing(words, after: nil) { ($0.distance, distance($0.range)) < ($1.distance, distance($1.range)) }
    }
}
