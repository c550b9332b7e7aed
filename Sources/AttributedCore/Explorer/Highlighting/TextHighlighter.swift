/// Writes a field's text with its claims highlighted: every span range a `<mark class="claim anonymity-…">` with
/// `data-claim-id`, every cue a `<span class="cue">` with `data-cue-of`, all properly nested so that nested and
/// overlapping spans stay readable:
///
/// - ranges that coincide become one element carrying every id (`data-claim-id="c1 c2"`), coloured by the weakest
///   anonymity among them;
/// - a range inside another nests in it;
/// - a range that crosses the end of the element it starts in is split there, both pieces carrying its ids; a cue
///   never splits a span: it is closed where the span starts and reopened inside it.
enum TextHighlighter {
    enum Kind: Int, Comparable {
        case span, cue
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    struct Mark {
        var range: Range<Int>
        var kind: Kind
        var ids: [String]
        var anonymity: Anonymity

        /// Document order: earlier first, then the longer (the enclosing one), then spans before cues.
        static func precedes(_ a: Mark, _ b: Mark) -> Bool {
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.range.upperBound != b.range.upperBound { return a.range.upperBound > b.range.upperBound }
            return a.kind < b.kind
        }
    }

    static func write(_ text: String, highlights: [Highlight], into out: inout HTMLOutput) {
        let scalars = Array(text.unicodeScalars)
        var writer = Writer(scalars: scalars)
        var queue = marks(highlights, length: scalars.count)
        var next = 0
        while next < queue.count {
            var mark = queue[next]
            next += 1
            writer.close(upTo: mark.range.lowerBound, into: &out)
            while let top = writer.open.last, mark.range.upperBound > top.range.upperBound {
                if top.kind == .cue, mark.kind == .span {
                    writer.closeTop(at: mark.range.lowerBound, into: &out)
                    insert(Mark(range: mark.range.lowerBound..<top.range.upperBound, kind: .cue, ids: top.ids,
                                anonymity: top.anonymity), into: &queue, from: next)
                } else {
                    insert(Mark(range: top.range.upperBound..<mark.range.upperBound, kind: mark.kind, ids: mark.ids,
                                anonymity: mark.anonymity), into: &queue, from: next)
                    mark.range = mark.range.lowerBound..<top.range.upperBound
                    break
                }
            }
            writer.open(mark, into: &out)
        }
        writer.close(upTo: scalars.count, into: &out)
    }

    /// One mark per distinct (range, kind), in document order; ranges clamped to the text, empty ones dropped.
    static func marks(_ highlights: [Highlight], length: Int) -> [Mark] {
        var marks: [Mark] = []
        for highlight in highlights {
            for (ranges, kind) in [(highlight.spanRanges, Kind.span), (highlight.cueRanges, .cue)] {
                for range in ranges {
                    let clamped = range.clamped(to: 0..<length)
                    guard !clamped.isEmpty else { continue }
                    marks.append(Mark(range: clamped, kind: kind, ids: [highlight.claimId], anonymity: highlight.weakestAnonymity))
                }
            }
        }
        marks.sort(by: Mark.precedes)
        var merged: [Mark] = []
        for mark in marks {
            if let last = merged.last, last.range == mark.range, last.kind == mark.kind {
                if !last.ids.contains(mark.ids[0]) { merged[merged.count - 1].ids += mark.ids }
                merged[merged.count - 1].anonymity = max(last.anonymity, mark.anonymity)
            } else {
                merged.append(mark)
            }
        }
        return merged
    }

    private static func insert(_ mark: Mark, into queue: inout [Mark], from start: Int) {
        var index = start
        while index < queue.count, Mark.precedes(queue[index], mark) { index += 1 }
        queue.insert(mark, at: index)
    }

    /// The text written so far and the elements open at that point, innermost last.
    private struct Writer {
        let scalars: [Unicode.Scalar]
        var position = 0
        var open: [Mark] = []

        /// Writes the text up to `offset`, closing every element that ends on the way.
        mutating func close(upTo offset: Int, into out: inout HTMLOutput) {
            while let top = open.last, top.range.upperBound <= offset { closeTop(at: top.range.upperBound, into: &out) }
            write(upTo: offset, into: &out)
        }

        /// Closes the innermost element at `offset`: its end, or earlier for a cue that yields to a span.
        mutating func closeTop(at offset: Int, into out: inout HTMLOutput) {
            guard let top = open.popLast() else { return }
            write(upTo: offset, into: &out)
            out.raw(top.kind == .span ? "</mark>" : "</span>")
        }

        mutating func open(_ mark: Mark, into out: inout HTMLOutput) {
            write(upTo: mark.range.lowerBound, into: &out)
            let ids = mark.ids.joined(separator: " ")
            switch mark.kind {
            case .span:
                out.raw("<mark")
                out.attribute("class", "claim anonymity-" + mark.anonymity.rawValue)
                out.attribute("data-claim-id", ids)
                out.raw(#" tabindex="0">"#)
            case .cue:
                out.raw("<span")
                out.attribute("class", "cue")
                out.attribute("data-cue-of", ids)
                out.raw(">")
            }
            open.append(mark)
        }

        private mutating func write(upTo offset: Int, into out: inout HTMLOutput) {
            guard offset > position else { return }
            out.text(scalars[position..<offset])
            position = offset
        }
    }
}
