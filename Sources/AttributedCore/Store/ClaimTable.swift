/// Every claim of a dataset in compact form, sorted by id (byte order): the claim's ordinal is its position.
/// As a collection it gives `Claim` values, materialized on access, for tests and tools; the server reads the
/// records directly.
public struct ClaimTable: Sendable, RandomAccessCollection {
    var records: [ClaimRecord]
    var links: [LinkRecord]
    var subjects: [UInt32]
    var strings: StringArena
    /// The segments of the few spans that have several.
    var segments: SpanSegments
    /// The dataset's articles and entity ids, sorted by id: what the records' ordinals point at.
    let articles: [Article]
    let entityIds: [String]
    /// The articles' field texts by address: what claims' spans and cues are read from.
    let fieldTexts: FieldTexts

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(ordinal: Int) -> Claim {
        let record = records[ordinal]
        let (textSpan, links): (TextSpan, [AttributionLink]) = withFieldText(of: record) { text in
            (self.span(of: ordinal, in: text), self.chain(of: record).map { self.link($0, in: text) })
        }
        return Claim(id: id(of: ordinal), article: articles[Int(record.article)].id, span: textSpan,
                     text: strings.string(record.text), about: subjectOrdinals(of: record).map { entityIds[Int($0)] },
                     proposition: strings.string(record.proposition), chain: links)
    }

    func id(of ordinal: Int) -> String { strings.string(records[ordinal].id) }

    /// Starts fetching what rendering the claim of `record` reads: its texts, chain and subjects, and the lines of its
    /// field that the span with its prefix and suffix covers.
    func prefetch(_ record: ClaimRecord) {
        strings.prefetch(record.text)
        strings.prefetch(record.proposition)
        links.prefetch(Int(record.firstLink), lines: 2)
        subjects.prefetch(Int(record.firstSubject))
        withFieldText(of: record) { text in
            guard let base = text.baseAddress else { return }
            let span = record.span
            let end = UnsafeRawPointer(base + Int(span.byteEnd + span.suffixBytes))
            var line = UnsafeRawPointer(base + Int(span.byteStart - span.prefixBytes))
            while line < end {
                AttributedCore.prefetch(line)
                line += 64
            }
            AttributedCore.prefetch(end)  // the last line, when the first was entered part way
        }
    }

    /// Starts fetching the cues' bytes, which the chain comes to after the span and texts are written. Not in
    /// `prefetch`: the links themselves are still being fetched then, and waiting for them would stall the route.
    func prefetchCues(of record: ClaimRecord, in text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress else { return }
        for link in chain(of: record) where link.hasCue { AttributedCore.prefetch(base + Int(link.cueByteStart)) }
    }

    func chain(of record: ClaimRecord) -> ArraySlice<LinkRecord> {
        links[Int(record.firstLink)..<Int(record.firstLink + record.linkCount)]
    }

    func subjectOrdinals(of record: ClaimRecord) -> ArraySlice<UInt32> {
        subjects[Int(record.firstSubject)..<Int(record.firstSubject + record.subjectCount)]
    }

    /// The UTF-8 of the field a claim's span and cues point into.
    func withFieldText<R>(of record: ClaimRecord, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(fieldTexts.bytes(article: Int(record.article), field: record.field, summaryIndex: Int(record.summaryIndex)))
    }

    private func span(of ordinal: Int, in text: UnsafeBufferPointer<UInt8>) -> TextSpan {
        let record = records[ordinal]
        let covering = Self.segment(record.span, in: text)
        return TextSpan(field: record.field, index: record.field == .summary ? Int(record.summaryIndex) : nil,
                        start: covering.start, end: covering.end, exact: covering.exact, prefix: covering.prefix,
                        suffix: covering.suffix,
                        segments: withSegments(of: ordinal) { $0.map { Self.segment($0, in: text) } })
    }

    private static func segment(_ selector: SelectorRecord, in text: UnsafeBufferPointer<UInt8>) -> TextSegment {
        TextSegment(start: Int(selector.start), end: Int(selector.end), exact: string(text, selector.bytes),
                    prefix: string(text, selector.prefixRange), suffix: string(text, selector.suffixRange))
    }

    private func link(_ link: LinkRecord, in text: UnsafeBufferPointer<UInt8>) -> AttributionLink {
        let cue = link.hasCue
            ? Cue(text: Self.string(text, Int(link.cueByteStart)..<Int(link.cueByteEnd)), start: Int(link.cueStart), end: Int(link.cueEnd))
            : nil
        return AttributionLink(source: entityIds[Int(link.source)], cue: cue, mode: link.mode,
                               attributionType: link.attributionType, factuality: link.factuality,
                               recipient: link.recipient == LinkRecord.noEntity ? nil : entityIds[Int(link.recipient)],
                               derivation: link.derivation)
    }

    static func string(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
    }
}
