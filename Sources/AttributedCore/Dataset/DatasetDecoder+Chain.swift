extension DatasetDecoder {
    struct DecodedLink {
        let link: AttributionLink
        let cueBytes: Range<Int>?
        let reader: RecordReader
    }

    private struct DecodedCue {
        /// nil when the span is unresolved (the claim fails anyway, as reported elsewhere).
        let cue: Cue?
        let bytes: Range<Int>?
    }

    /// One link. Left out, `cue` and `recipient` are null, `attributionType` is `assertion`, `factuality` is `Uu`;
    /// the first link's `mode` is `narration`; a later link's `derivation` is `quotation` for a direct quote and
    /// `paraphrase` otherwise.
    func decodeLink(_ node: JSONNode, _ path: JSONPath, _ values: ValueReader, isFirst: Bool, around span: AnchoredSpan?) -> DecodedLink? {
        guard let link = RecordReader(node, path, values) else { return nil }
        let source = link.read("source", entityReference(values))
        let cue = link.read("cue", default: nil) { node, path in
            values.nullable(node, path) { decodeCue($0, $1, values, around: span) }
        }
        let mode: AttributionMode? = isFirst ? link.read("mode", default: .narration, values.enumValue) : link.read("mode", values.enumValue)
        let attributionType: AttributionType? = link.read("attributionType", default: .assertion, values.enumValue)
        let factuality: Factuality? = link.read("factuality", default: .uncommitted, values.enumValue)
        let recipient = link.read("recipient", default: nil, nullableEntityReference(values))
        let derivation: Derivation?? = link.read("derivation", default: isFirst ? nil : (mode == .directQuote ? .quotation : .paraphrase)) { node, path in
            values.nullable(node, path) { values.enumValue($0, $1) }
        }
        link.rejectUnknownKeys(ClaimKeys.link)

        var consistent = true
        if let source, let kind = kind(ofEntity: source), kind == .place {
            link.report("source \"\(source)\" is a place; a place cannot be a source", at: "source")
            consistent = false
        }
        guard consistent, let source, let cue, let mode, let attributionType, let factuality, let recipient, let derivation
        else { return nil }
        return DecodedLink(link: AttributionLink(source: source, cue: cue?.cue, mode: mode, attributionType: attributionType,
                                                 factuality: factuality, recipient: recipient, derivation: derivation),
                           cueBytes: cue?.bytes, reader: link)
    }

    /// A cue: `{"text", "start", "end"}` checked as always; without offsets, or as a bare string, the occurrence of its
    /// words nearest the span.
    private func decodeCue(_ node: JSONNode, _ path: JSONPath, _ values: ValueReader, around span: AnchoredSpan?) -> DecodedCue? {
        let words: String?
        var start: Int?? = .some(nil)
        var end: Int?? = .some(nil)
        let source: SelectorSource
        switch node.value {
        case .string:
            words = values.string(node, path)
            source = .string(values, node, path)
        case .object:
            guard let cue = RecordReader(node, path, values) else { return nil }
            words = cue.read("text") { values.string($0, $1) }
            start = cue.optional("start") { values.int($0, $1) }
            end = cue.optional("end") { values.int($0, $1) }
            cue.rejectUnknownKeys(ClaimKeys.cue)
            source = .object(cue)
        default:
            values.report("expected a string, an object or null, found \(node.typeName)", node, path)
            return nil
        }
        guard let words, let start, let end else { return nil }
        guard let span else { return DecodedCue(cue: nil, bytes: nil) }
        guard let place = placeCue(words, start: start, end: end, around: span, reportingTo: source) else { return nil }
        return DecodedCue(cue: Cue(text: words, start: place.scalars.lowerBound, end: place.scalars.upperBound), bytes: place.bytes)
    }

    /// A cue's words placed in its span's field: at the offsets given, or the occurrence nearest the span.
    func placeCue(_ words: String, start: Int?, end: Int?, around span: AnchoredSpan, reportingTo source: SelectorSource)
        -> (scalars: Range<Int>, bytes: Range<Int>)? {
        let quotes = QuoteAnchoring(field: span.text, fieldName: fieldDescription(span.field, index: span.index), noun: "cue",
                                    wordsKey: "text", source: source)
        if start != nil || end != nil { return quotes.checkPosition(words, start: start, end: end) }
        let covering = span.covering
        return CueAnchoring(quotes: quotes, span: span.scalars, spanBytes: Int(covering.byteStart)..<Int(covering.byteEnd)).anchor(words)
    }

    /// The chain rules: the publication speaks first, each hop changes speaker, narration is the publication's own.
    func checkChain(_ links: [DecodedLink], of claim: RecordReader, publisher: String?) -> Bool {
        let violations = Self.chainViolations(links.map(\.link), publisher: publisher)
        for violation in violations {
            if let link = violation.link {
                links[link].reader.report(violation.message, at: violation.key)
            } else {
                claim.report(violation.message, at: violation.key)
            }
        }
        return violations.isEmpty
    }

    /// Every rule the chain breaks, in order: at which link (nil: the claim itself), at which key, and why. Both
    /// decoding paths hold chains to these rules; only the ordinary one reports them.
    static func chainViolations(_ links: [AttributionLink], publisher: String?) -> [(link: Int?, key: String, message: String)] {
        guard let first = links.first else {
            return [(nil, "chain", "the chain is empty: it needs at least the publication's own link")]
        }
        var violations: [(link: Int?, key: String, message: String)] = []
        if let publisher, first.source != publisher {
            violations.append((0, "source", "the first link's source must be the article's publisher \"\(publisher)\", not \"\(first.source)\""))
        }
        if first.derivation != nil {
            violations.append((0, "derivation", "the first link has no derivation: nothing comes before it"))
        }
        for (position, current) in links.enumerated().dropFirst() {
            if current.source == links[position - 1].source {
                violations.append((position, "source", "same source \"\(current.source)\" as the previous link"))
            }
            if current.mode == .narration {
                violations.append((position, "mode", "\"narration\" is only for the first link, the publication's own voice"))
            }
            if current.derivation == nil {
                violations.append((position, "derivation", "a link after the first needs a derivation (\"quotation\" or \"paraphrase\")"))
            }
        }
        return violations
    }
}
