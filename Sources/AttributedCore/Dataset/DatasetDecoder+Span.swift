/// A span placed in its field: its first segment, and the others of a discontinuous span in text order. (Kept
/// apart so that a contiguous span, by far the most common, allocates no array.)
struct AnchoredSpan {
    let article: String
    let field: ArticleField
    let index: Int?
    /// Field text, for the chain's cues, which must be in the same field.
    let text: FieldText
    let first: SelectorRecord
    let rest: [SelectorRecord]

    var isDiscontinuous: Bool { !rest.isEmpty }

    /// From the first segment's start to the last one's end, with the first one's prefix and the last one's suffix.
    var covering: SelectorRecord {
        var covering = first
        if let last = rest.last {
            covering.end = last.end
            covering.byteEnd = last.byteEnd
            covering.suffixBytes = last.suffixBytes
        }
        return covering
    }

    var scalars: Range<Int> { Int(first.start)..<Int(rest.last?.end ?? first.end) }
}

extension DatasetDecoder {
    /// A span as read: its words (what a claim's `text` defaults to) and, once its field resolves, its place.
    struct DecodedSpan {
        /// The segments' words joined by one space: what a claim's `text` defaults to.
        let words: String
        /// nil while the article is unresolved (the claim fails anyway: that is reported elsewhere).
        let anchored: AnchoredSpan?
    }

    private typealias Selectors = [(selector: QuoteSelector, reader: RecordReader)]

    /// A span: one quote selector (`exact` with optional `start`, `end`, `prefix`, `suffix`), or `segments`, two or
    /// more of them in text order, not overlapping; a quote-only segment is searched for after the one before.
    func decodeSpan(_ node: JSONNode, _ path: JSONPath, _ values: ValueReader, _ articleText: ArticleText?) -> DecodedSpan? {
        guard let span = RecordReader(node, path, values) else { return nil }
        let field: ArticleField? = span.read("field", values.enumValue)
        var index: Int?? = .some(nil)
        if field == .summary { index = span.read("index") { values.int($0, $1) } }
        // A contiguous span is its own selector; segments are a list of them.
        let single = span.has("segments") ? nil : decodeSelector(span)
        let segments = span.has("segments") ? readSegments(of: span) : []
        span.rejectUnknownKeys(field == .summary ? ClaimKeys.summarySpan : ClaimKeys.span) { key in
            key == "index" && field != nil ? "only a span in the summary has an index" : nil
        }
        guard let field, let index, single != nil || segments?.isEmpty == false, let segments else { return nil }
        let words = single?.exact ?? segments.map(\.selector.exact).joined(separator: " ")
        guard let articleText else { return DecodedSpan(words: words, anchored: nil) }
        guard let text = articleText.field(field, index: index) else {
            let bullets = counted(articleText.summary.count, "summary bullet")
            span.report("index \(index ?? 0) is out of range: the article has \(bullets)", at: "index")
            return nil
        }
        let placement = Placement(decoder: self, text: text, article: articleText.articleId, field: field, index: index)
        let anchored: AnchoredSpan?
        if let single {
            anchored = placement.place(single, .object(span)).map { placement.span(first: $0, rest: []) }
        } else {
            anchored = placement.place(segments: segments.count) { (segments[$0].selector, .object(segments[$0].reader)) }
        }
        return anchored.map { DecodedSpan(words: words, anchored: $0) }
    }

    /// `segments`: two or more selectors, and none of a selector's keys beside them on the span.
    private func readSegments(of span: RecordReader) -> Selectors? {
        let values = span.values
        let selectors = span.read("segments") { node, path in
            values.array(node, path) { node, path -> (selector: QuoteSelector, reader: RecordReader)? in
                guard let segment = RecordReader(node, path, values) else { return nil }
                defer { segment.rejectUnknownKeys(ClaimKeys.selector) }
                return decodeSelector(segment).map { ($0, segment) }
            }
        }
        var consistent = true
        if let selectors, selectors.count < 2 {
            span.report("a span with segments has two or more; for one contiguous quote, give \"exact\" on the span itself",
                        at: "segments")
            consistent = false
        }
        for key in ClaimKeys.selector where span.has(key) {
            span.report(key == "exact" ? "give either \"exact\" or \"segments\", not both"
                                       : "with \"segments\", \"\(key)\" goes on each segment", at: key)
            consistent = false
        }
        return consistent ? selectors : nil
    }

    /// Places selectors in one field: a quote-only one after the one before, one with offsets checked not to come
    /// before or overlap it. Problems go to each selector's source (nowhere, for the direct path).
    struct Placement {
        let decoder: DatasetDecoder
        let text: FieldText
        let article: String
        let field: ArticleField
        let index: Int?

        func place(_ selector: QuoteSelector, _ source: SelectorSource, after previous: QuoteAnchoring.PreviousSegment? = nil) -> SelectorRecord? {
            var quotes = QuoteAnchoring(field: text, fieldName: fieldDescription(field, index: index), noun: "exact",
                                        wordsKey: "exact", source: source)
            if !selector.givesPosition { quotes.index = decoder.quoteIndexes.index(for: article, field, index, text: text) }
            return quotes.anchor(selector, after: previous)
        }

        /// Two or more segments, given as `count` and the selector and source of each.
        func place(segments count: Int, _ segment: (Int) -> (selector: QuoteSelector, source: SelectorSource)) -> AnchoredSpan? {
            var placed: [SelectorRecord] = []
            placed.reserveCapacity(count)
            for number in 0..<count {
                let (selector, source) = segment(number)
                let previous = placed.last.map { QuoteAnchoring.PreviousSegment(number: number - 1, end: Int($0.end), byteEnd: Int($0.byteEnd)) }
                guard let segment = place(selector, source, after: previous) else { return nil }
                if let last = placed.last, segment.start < last.end {
                    DatasetDecoder.reportOrder(of: segment, number: number, after: last, selector, source)
                    return nil
                }
                placed.append(segment)
            }
            return span(first: placed[0], rest: Array(placed.dropFirst()))
        }

        func span(first: SelectorRecord, rest: [SelectorRecord]) -> AnchoredSpan {
            AnchoredSpan(article: article, field: field, index: index, text: text, first: first, rest: rest)
        }
    }

    /// The words and whatever of their position a selector gives (a span's own keys, or a segment's).
    private func decodeSelector(_ reader: RecordReader) -> QuoteSelector? {
        let values = reader.values
        let exact = reader.read("exact") { values.string($0, $1) }
        let start = reader.optional("start") { values.int($0, $1) }
        let end = reader.optional("end") { values.int($0, $1) }
        let prefix = reader.optional("prefix") { values.string($0, $1, allowEmpty: true) }
        let suffix = reader.optional("suffix") { values.string($0, $1, allowEmpty: true) }
        guard let exact, let start, let end, let prefix, let suffix else { return nil }
        return QuoteSelector(exact: exact, start: start, end: end, prefix: prefix, suffix: suffix)
    }

    /// A segment placed by its offsets before the end of the one before it: out of order, or overlapping.
    private static func reportOrder(of segment: SelectorRecord, number: Int, after last: SelectorRecord, _ selector: QuoteSelector,
                                    _ source: SelectorSource) {
        let this = "segment \(number) (\(segment.start)..<\(segment.end))"
        let previous = "segment \(number - 1) (\(last.start)..<\(last.end))"
        source.report(segment.end <= last.start
                      ? "\(this) comes before \(previous): list the segments in text order"
                      : "\(this) overlaps \(previous): start segment \(number) at \(last.end) or later, or end segment \(number - 1) sooner",
                      selector.start != nil ? "start" : "end")
    }
}
