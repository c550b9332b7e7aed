/// Places a cue written without offsets: the occurrence of its words nearest the claim's span (by the distance
/// between the two ranges, 0 when they touch or overlap). Two occurrences equally near are an error, not a guess.
struct CueAnchoring {
    let quotes: QuoteAnchoring
    /// The span's covering range, in scalars and in bytes.
    let span: Range<Int>
    let spanBytes: Range<Int>

    func anchor(_ words: String) -> (scalars: Range<Int>, bytes: Range<Int>)? {
        let length = words.utf8.count
        let found = quotes.occurrences(of: words)
        guard !found.isEmpty else {
            reportMissing(words)
            return nil
        }
        // Only the last occurrence before the span, those overlapping it and the first after it can be nearest
        // (a long article may hold thousands of "said"): only they are turned into scalar offsets.
        let before = found.lastIndex { $0 + length <= spanBytes.lowerBound }
        let after = found.firstIndex { $0 >= spanBytes.upperBound }
        let near = (before ?? 0)...(after ?? found.count - 1)
        let candidates = found[near].map { start -> (scalars: Range<Int>, bytes: Range<Int>) in
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

    private func distance(_ range: Range<Int>) -> Int {
        max(0, range.lowerBound - span.upperBound, span.lowerBound - range.upperBound)
    }

    /// As for a span, but of near misses equally different, the one nearest the span is closest.
    private func reportMissing(_ words: String) {
        quotes.reportMissing(words, after: nil) { ($0.distance, distance($0.range)) < ($1.distance, distance($1.range)) }
    }
}
