/// A claim that passed every check, with the UTF-8 byte ranges its scalar offsets were found at while they were
/// checked (the compact store keeps both, and need not work them out again).
struct DecodedClaim {
    let claim: Claim
    let spanBytes: Range<Int>
    /// Per link, its cue's bytes (nil without a cue).
    let cueBytes: [Range<Int>?]
}

extension DatasetDecoder {
    /// Duplicate claim ids are found after decoding (claims are decoded in parallel), by the loader.
    func decodeClaim(_ record: RecordNode) -> DecodedClaim? {
        let values = reader(for: record)
        guard let claim = RecordReader(record.node, record.path, values) else { return nil }
        let id = claim.read("id", values.id)
        let articleId = claim.read("article") { node, path -> String? in
            guard let id = values.id(node, path) else { return nil }
            guard registry.articles.contains(id) else {
                values.report("unknown article \"\(id)\"", node, path)
                return nil
            }
            return id
        }
        let article = articleId.flatMap { articles[$0] }
        let articleText = articleId.flatMap { self.text(ofArticle: $0) }
        let decodedSpan = claim.read("span") { decodeSpan($0, $1, values, articleText) }
        let text = claim.read("text") { values.string($0, $1) }
        let about = claim.read("about", entityReferences(values))
        let proposition = claim.read("proposition") { values.string($0, $1) }
        let fieldText = decodedSpan?.fieldText
        let links = claim.read("chain") { node, path in
            values.array(node, path) { decodeLink($0, $1, values, fieldText) }
        }
        claim.rejectUnknownKeys(ClaimKeys.claim)

        var consistent = true
        if let links {
            consistent = checkChain(links, of: claim, publisher: article?.publisher)
        }
        guard consistent, let id, let articleId, let span = decodedSpan?.span, let spanBytes = decodedSpan?.bytes, let text,
              let about, let proposition, let links
        else { return nil }
        return DecodedClaim(claim: Claim(id: id, article: articleId, span: span, text: text, about: about,
                                         proposition: proposition, chain: links.map(\.link)),
                            spanBytes: spanBytes, cueBytes: links.map(\.cueBytes))
    }

    // MARK: Span

    private struct DecodedSpan {
        let span: TextSpan
        /// The span's field, against which the chain's cues are checked, and the span's bytes in it; nil when unresolved.
        let fieldText: FieldText?
        let bytes: Range<Int>?
    }

    private func decodeSpan(_ node: JSONNode, _ path: JSONPath, _ values: ValueReader,
                            _ articleText: ArticleText?) -> DecodedSpan? {
        guard let span = RecordReader(node, path, values) else { return nil }
        let field: ArticleField? = span.read("field", values.enumValue)
        var index: Int?? = .some(nil)
        if field == .summary { index = span.read("index") { values.int($0, $1) } }
        let start = span.read("start") { values.int($0, $1) }
        let end = span.read("end") { values.int($0, $1) }
        let exact = span.read("exact") { values.string($0, $1) }
        let prefix = span.read("prefix") { values.string($0, $1, allowEmpty: true) }
        let suffix = span.read("suffix") { values.string($0, $1, allowEmpty: true) }
        span.rejectUnknownKeys(field == .summary ? ClaimKeys.summarySpan : ClaimKeys.span) { key in
            key == "index" && field != nil ? "only a span in the summary has an index" : nil
        }
        guard let field, let index, let start, let end, let exact, let prefix, let suffix else { return nil }

        var fieldText: FieldText?
        var bytes: Range<Int>?
        var consistent = true
        if let articleText {
            if let text = articleText.field(field, index: index) {
                fieldText = text
                bytes = checkSelectors(span, in: text, start: start, end: end, exact: exact, prefix: prefix, suffix: suffix)
                consistent = bytes != nil
            } else {
                let bullets = counted(articleText.summary.count, "summary bullet")
                span.report("index \(index ?? 0) is out of range: the article has \(bullets)", at: "index")
                consistent = false
            }
        }
        guard consistent else { return nil }
        return DecodedSpan(span: TextSpan(field: field, index: index, start: start, end: end, exact: exact, prefix: prefix,
                                          suffix: suffix),
                           fieldText: fieldText, bytes: bytes)
    }

    /// W3C selectors: the position selector picks `start..<end` (in scalars) and the quote selector must agree.
    /// Returns the span's UTF-8 bytes in the field when everything agrees.
    private func checkSelectors(_ span: RecordReader, in text: FieldText, start: Int, end: Int, exact: String,
                                prefix: String, suffix: String) -> Range<Int>? {
        guard checkRange(span, start: start, end: end, length: text.scalarCount) else { return nil }
        let bytes = text.byteRange(ofScalars: start..<end)
        var consistent = true
        if !text.matches(exact, bytes: bytes) {
            span.report("exact \(quoted(exact)) does not match the text at \(start)..<\(end), which is \(quoted(text.substring(start..<end)))",
                        at: "exact")
            consistent = false
        }
        let prefixCount = prefix.unicodeScalars.count
        if prefixCount > start || !text.matches(prefix, bytes: text.byteOffset(ofScalar: start - prefixCount)..<bytes.lowerBound) {
            let before = text.substring(max(0, start - prefixCount)..<start)
            span.report("prefix \(quoted(prefix)) does not end at \(start): the text before it is \(quoted(before))", at: "prefix")
            consistent = false
        }
        let suffixCount = suffix.unicodeScalars.count
        if end + suffixCount > text.scalarCount || !text.matches(suffix, bytes: bytes.upperBound..<text.byteOffset(ofScalar: end + suffixCount)) {
            let after = text.substring(end..<min(text.scalarCount, end + suffixCount))
            span.report("suffix \(quoted(suffix)) does not start at \(end): the text after it is \(quoted(after))", at: "suffix")
            consistent = false
        }
        return consistent ? bytes : nil
    }

    private func checkRange(_ reader: RecordReader, start: Int, end: Int, length: Int) -> Bool {
        if start >= end {
            reader.report("end \(end) must be greater than start \(start)", at: "end")
            return false
        }
        if end > length {
            reader.report("end \(end) is past the end of the text (\(length) Unicode scalars)", at: "end")
            return false
        }
        return true
    }

    // MARK: Chain

    private struct DecodedLink {
        let link: AttributionLink
        let cueBytes: Range<Int>?
        let reader: RecordReader
    }

    private struct DecodedCue {
        let cue: Cue
        /// nil when the field is unresolved (the claim fails anyway).
        let bytes: Range<Int>?
    }

    private func decodeLink(_ node: JSONNode, _ path: JSONPath, _ values: ValueReader,
                            _ fieldText: FieldText?) -> DecodedLink? {
        guard let link = RecordReader(node, path, values) else { return nil }
        let source = link.read("source", entityReference(values))
        let cue = link.read("cue") { node, path in values.nullable(node, path) { decodeCue($0, $1, values, fieldText) } }
        let mode: AttributionMode? = link.read("mode", values.enumValue)
        let attributionType: AttributionType? = link.read("attributionType", values.enumValue)
        let factuality: Factuality? = link.read("factuality", values.enumValue)
        let recipient = link.read("recipient", nullableEntityReference(values))
        let derivation = link.read("derivation") { node, path -> Derivation?? in
            values.nullable(node, path) { values.enumValue($0, $1) }
        }
        link.rejectUnknownKeys(ClaimKeys.link)

        var consistent = true
        if let source, let kind = entities[source]?.kind, kind == .place {
            link.report("source \"\(source)\" is a place; a place cannot be a source", at: "source")
            consistent = false
        }
        guard consistent, let source, let cue, let mode, let attributionType, let factuality, let recipient, let derivation
        else { return nil }
        return DecodedLink(link: AttributionLink(source: source, cue: cue?.cue, mode: mode, attributionType: attributionType,
                                                 factuality: factuality, recipient: recipient, derivation: derivation),
                           cueBytes: cue?.bytes, reader: link)
    }

    private func decodeCue(_ node: JSONNode, _ path: JSONPath, _ values: ValueReader, _ fieldText: FieldText?) -> DecodedCue? {
        guard let cue = RecordReader(node, path, values) else { return nil }
        let text = cue.read("text") { values.string($0, $1) }
        let start = cue.read("start") { values.int($0, $1) }
        let end = cue.read("end") { values.int($0, $1) }
        cue.rejectUnknownKeys(ClaimKeys.cue)
        guard let text, let start, let end else { return nil }
        var bytes: Range<Int>?
        if let fieldText {
            guard checkRange(cue, start: start, end: end, length: fieldText.scalarCount) else { return nil }
            bytes = fieldText.byteRange(ofScalars: start..<end)
            guard fieldText.matches(text, bytes: bytes!) else {
                cue.report("cue \(quoted(text)) does not match the text at \(start)..<\(end), which is \(quoted(fieldText.substring(start..<end)))",
                           at: "text")
                return nil
            }
        }
        return DecodedCue(cue: Cue(text: text, start: start, end: end), bytes: bytes)
    }

    /// The chain rules: the publication speaks first, each hop changes speaker, narration is the publication's own.
    private func checkChain(_ links: [DecodedLink], of claim: RecordReader, publisher: String?) -> Bool {
        guard let first = links.first else {
            claim.report("the chain is empty: it needs at least the publication's own link", at: "chain")
            return false
        }
        var consistent = true
        if let publisher, first.link.source != publisher {
            first.reader.report("the first link's source must be the article's publisher \"\(publisher)\", not \"\(first.link.source)\"",
                                at: "source")
            consistent = false
        }
        if first.link.derivation != nil {
            first.reader.report("the first link has no derivation: nothing comes before it", at: "derivation")
            consistent = false
        }
        for (position, current) in links.enumerated().dropFirst() {
            if current.link.source == links[position - 1].link.source {
                current.reader.report("same source \"\(current.link.source)\" as the previous link", at: "source")
                consistent = false
            }
            if current.link.mode == .narration {
                current.reader.report("\"narration\" is only for the first link, the publication's own voice", at: "mode")
                consistent = false
            }
            if current.link.derivation == nil {
                current.reader.report("a link after the first needs a derivation (\"quotation\" or \"paraphrase\")", at: "derivation")
                consistent = false
            }
        }
        return consistent
    }
}

/// The keys each object of a claim may have, built once rather than per record.
private enum ClaimKeys {
    static let claim = ["id", "article", "span", "text", "about", "proposition", "chain"]
    static let span = ["field", "start", "end", "exact", "prefix", "suffix"]
    static let summarySpan = span + ["index"]
    static let link = ["source", "cue", "mode", "attributionType", "factuality", "recipient", "derivation"]
    static let cue = ["text", "start", "end"]
}
