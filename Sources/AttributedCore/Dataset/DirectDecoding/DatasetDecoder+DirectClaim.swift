/// The claim decoder's direct path: a claim read straight from its bytes into a `DecodedClaim`, with no tree of
/// nodes, under exactly the rules of `decodeClaim`. It covers every valid form (spans of one selector or of segments,
/// in any field; strings with escapes; the keys in any order) but for keys, references and enum values written with
/// escapes, and numbers written unusually, and gives up on those, or on any problem: the claim is then
/// decoded the ordinary way, which accepts every valid form and reports every problem where it stands. So the direct
/// path may only ever refuse more than the ordinary one, never less, and must give the same claim when it accepts.
extension DatasetDecoder {
    // Each object's keys, in the order of the enum that names them.
    private enum ClaimKey: Int { case id, article, span, text, about, proposition, chain }
    private static let claimKeys: [StaticString] = ["id", "article", "span", "text", "about", "proposition", "chain"]
    private enum SpanKey: Int { case field, exact, start, end, prefix, suffix, segments, index }
    private static let spanKeys: [StaticString] = ["field", "exact", "start", "end", "prefix", "suffix", "segments", "index"]
    /// A segment's keys: a selector's, the first five of a span's.
    private static let segmentKeys = Array(spanKeys[1...5])
    private enum LinkKey: Int { case source, cue, mode, attributionType, factuality, recipient, derivation }
    private static let linkKeys: [StaticString] = ["source", "cue", "mode", "attributionType", "factuality", "recipient", "derivation"]
    private static let cueKeys: [StaticString] = ["text", "start", "end"]
    private static let fields = EnumNames<ArticleField>()
    private static let modes = EnumNames<AttributionMode>()
    private static let attributionTypes = EnumNames<AttributionType>()
    private static let factualities = EnumNames<Factuality>()
    private static let derivations = EnumNames<Derivation>()

    /// The claim at `offset` of `bytes` (a record start found by the scan, its bytes present), or nil when it is not
    /// of the plain form or not valid.
    func decodeClaimDirectly(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> DecodedClaim? {
        var cursor = RecordCursor(bytes: bytes, at: offset)
        return try? decodeClaim(&cursor)
    }

    private func decodeClaim(_ cursor: inout RecordCursor) throws(RecordCursor.Miss) -> DecodedClaim {
        var seen = SeenKeys()
        var id: String?, text: String?, proposition: String?
        var article: DirectArticle?
        var about: [String] = []
        var span: (anchored: AnchoredSpan, words: String)?
        var chain: [DirectLink]?
        // The span needs the article's text and the chain the span: whichever comes before them is read after.
        var spanAt: Int?, chainAt: Int?
        try cursor.beginObject()
        while let index = try cursor.nextKey(in: Self.claimKeys, &seen) {
            switch ClaimKey(rawValue: index)! {
            case .id: id = try self.id(&cursor)
            case .article: article = try self.article(&cursor)
            case .span:
                if let article { span = try decodeSpan(&cursor, article) } else { spanAt = cursor.position; try cursor.skipValue() }
            case .text: text = try cursor.string(nonEmpty: true)
            case .about: about = try entityReferences(&cursor)
            case .proposition: proposition = try cursor.string(nonEmpty: true)
            case .chain:
                if let span { chain = try decodeChain(&cursor, around: span.anchored) } else { chainAt = cursor.position; try cursor.skipValue() }
            }
        }
        guard let id, let article else { throw RecordCursor.Miss() }
        if let spanAt {
            cursor.move(to: spanAt)
            span = try decodeSpan(&cursor, article)
        }
        guard let span else { throw RecordCursor.Miss() }
        if let chainAt {
            cursor.move(to: chainAt)
            chain = try decodeChain(&cursor, around: span.anchored)
        }
        guard let chain else { throw RecordCursor.Miss() }
        let links = chain.map(\.link)
        guard Self.chainViolations(links, publisher: article.publisher).isEmpty else { throw RecordCursor.Miss() }
        // Left out, the text is the span's words and the proposition the claim's id, as in `decodeClaim`.
        return DecodedClaim(id: id, article: article.id, span: span.anchored, text: text ?? span.words,
                            about: about, proposition: proposition ?? id, chain: links, cueBytes: chain.map(\.cueBytes))
    }

    // MARK: References

    private func id(_ cursor: inout RecordCursor) throws(RecordCursor.Miss) -> String {
        let id = try cursor.string()
        guard Identifier.isValid(id) else { throw RecordCursor.Miss() }
        return id
    }

    /// Claims come grouped by article: the last one found is asked first. Only a decoded article is found (one that
    /// failed is registered, but the load fails anyway): the ordinary path takes the rest.
    private func article(_ cursor: inout RecordCursor) throws(RecordCursor.Miss) -> DirectArticle {
        // Resolved from the bytes: a registered id is a valid one, and anything else is a miss.
        let id = try cursor.stringBytes()
        if let last = lastDirectArticle, last.isNamed(id) { return last }
        guard let ordinal = articleReferences.ordinal(id) else { throw RecordCursor.Miss() }
        lastDirectArticle = directArticles[ordinal]
        return directArticles[ordinal]
    }

    /// A reference to a decoded entity (as for articles), with its kind: one lookup serves both.
    private func entity(_ cursor: inout RecordCursor) throws(RecordCursor.Miss) -> (id: String, kind: EntityKind) {
        guard let ordinal = entityReferences.ordinal(try cursor.stringBytes()) else { throw RecordCursor.Miss() }
        return (entityIds[ordinal], entityKindList[ordinal])
    }

    /// Distinct entity references.
    private func entityReferences(_ cursor: inout RecordCursor) throws(RecordCursor.Miss) -> [String] {
        var references: [String] = []
        try cursor.beginArray()
        var count = 0
        while try cursor.nextElement(&count) {
            let reference = try entity(&cursor).id
            guard !references.contains(reference) else { throw RecordCursor.Miss() }
            references.append(reference)
        }
        return references
    }

    // MARK: Span

    /// A span in any field: `exact` with optional `start`, `end`, `prefix`, `suffix`, or two or more `segments` of
    /// those; an `index` exactly when the field is the summary. Placed, with its words.
    private func decodeSpan(_ cursor: inout RecordCursor, _ article: DirectArticle)
        throws(RecordCursor.Miss) -> (anchored: AnchoredSpan, words: String) {
        var seen = SeenKeys()
        var field: ArticleField?
        var index: Int?
        var selector = QuoteSelector(exact: "")
        var hasSelectorKeys = false
        var segments: [QuoteSelector]?
        try cursor.beginObject()
        while let key = try cursor.nextKey(in: Self.spanKeys, &seen) {
            switch SpanKey(rawValue: key)! {
            case .field: field = try cursor.enumValue(Self.fields)
            case .index: index = try cursor.int()
            case .segments: segments = try decodeSegments(&cursor)
            case let selectorKey:
                hasSelectorKeys = true
                try readSelectorKey(selectorKey, into: &selector, &cursor)
            }
        }
        // The summary's bullets are numbered, and only they; `exact` or segments, not both.
        guard let field, (field == .summary) == (index != nil), let text = article.text.field(field, index: index) else {
            throw RecordCursor.Miss()
        }
        let placement = Placement(decoder: self, text: text, article: article.id, field: field, index: index)
        if let segments {
            guard !hasSelectorKeys, segments.count >= 2,
                  let anchored = placement.place(segments: segments.count, { (segments[$0], .silent) }) else { throw RecordCursor.Miss() }
            return (anchored, segments.map(\.exact).joined(separator: " "))
        }
        guard !selector.exact.isEmpty, let placed = placement.place(selector, .silent) else { throw RecordCursor.Miss() }
        return (placement.span(first: placed, rest: []), selector.exact)
    }

    /// `segments`: an array of selectors, each with a non-empty `exact` (their number is checked by the span).
    private func decodeSegments(_ cursor: inout RecordCursor) throws(RecordCursor.Miss) -> [QuoteSelector] {
        var segments: [QuoteSelector] = []
        try cursor.beginArray()
        var count = 0
        while try cursor.nextElement(&count) {
            var seen = SeenKeys()
            var selector = QuoteSelector(exact: "")
            try cursor.beginObject()
            // Keys 0... of a segment are keys 1... of a span.
            while let key = try cursor.nextKey(in: Self.segmentKeys, &seen) {
                try readSelectorKey(SpanKey(rawValue: key + 1)!, into: &selector, &cursor)
            }
            guard !selector.exact.isEmpty else { throw RecordCursor.Miss() }
            segments.append(selector)
        }
        return segments
    }

    /// One of a selector's own keys (`exact`, `start`, `end`, `prefix`, `suffix`).
    private func readSelectorKey(_ key: SpanKey, into selector: inout QuoteSelector, _ cursor: inout RecordCursor)
        throws(RecordCursor.Miss) {
        switch key {
        case .exact: selector.exact = try cursor.string(nonEmpty: true)
        case .start: selector.start = try cursor.int()
        case .end: selector.end = try cursor.int()
        case .prefix: selector.prefix = try cursor.string()
        case .suffix: selector.suffix = try cursor.string()
        case .field, .segments, .index: throw RecordCursor.Miss()
        }
    }

    // MARK: Chain

    private struct DirectLink {
        let link: AttributionLink
        let cueBytes: Range<Int>?
    }

    private func decodeChain(_ cursor: inout RecordCursor, around span: AnchoredSpan) throws(RecordCursor.Miss) -> [DirectLink] {
        var links: [DirectLink] = []
        try cursor.beginArray()
        var count = 0
        while try cursor.nextElement(&count) {
            links.append(try decodeLink(&cursor, isFirst: links.isEmpty, around: span))
        }
        return links
    }

    /// One link, with the defaults of `decodeLink`.
    private func decodeLink(_ cursor: inout RecordCursor, isFirst: Bool, around span: AnchoredSpan) throws(RecordCursor.Miss)
        -> DirectLink {
        var seen = SeenKeys()
        var source: (id: String, kind: EntityKind)?
        var cue: (cue: Cue, bytes: Range<Int>)?
        var mode: AttributionMode? = isFirst ? .narration : nil
        var attributionType = AttributionType.assertion
        var factuality = Factuality.uncommitted
        var recipient: String?
        var derivation: Derivation??
        try cursor.beginObject()
        while let index = try cursor.nextKey(in: Self.linkKeys, &seen) {
            switch LinkKey(rawValue: index)! {
            case .source: source = try entity(&cursor)
            case .cue: cue = cursor.nextIsNull ? nil : try decodeCue(&cursor, around: span)
            case .mode: mode = try cursor.enumValue(Self.modes)
            case .attributionType: attributionType = try cursor.enumValue(Self.attributionTypes)
            case .factuality: factuality = try cursor.enumValue(Self.factualities)
            case .recipient: recipient = cursor.nextIsNull ? nil : try entity(&cursor).id
            case .derivation: derivation = .some(cursor.nextIsNull ? nil : try cursor.enumValue(Self.derivations))
            }
        }
        guard let source, let mode, source.kind != .place else { throw RecordCursor.Miss() }
        let defaultDerivation: Derivation? = isFirst ? nil : (mode == .directQuote ? .quotation : .paraphrase)
        let link = AttributionLink(source: source.id, cue: cue?.cue, mode: mode, attributionType: attributionType,
                                   factuality: factuality, recipient: recipient, derivation: derivation ?? defaultDerivation)
        return DirectLink(link: link, cueBytes: cue?.bytes)
    }

    /// A cue as a bare string or `{"text", "start", "end"}`, placed as `decodeCue` places it.
    private func decodeCue(_ cursor: inout RecordCursor, around span: AnchoredSpan) throws(RecordCursor.Miss)
        -> (cue: Cue, bytes: Range<Int>) {
        var words = ""
        var start: Int?, end: Int?
        if cursor.nextIsString {
            words = try cursor.string(nonEmpty: true)
        } else {
            var seen = SeenKeys()
            try cursor.beginObject()
            while let index = try cursor.nextKey(in: Self.cueKeys, &seen) {
                switch index {
                case 0: words = try cursor.string(nonEmpty: true)
                case 1: start = try cursor.int()
                default: end = try cursor.int()
                }
            }
            guard !words.isEmpty else { throw RecordCursor.Miss() }
        }
        guard let place = placeCue(words, start: start, end: end, around: span, reportingTo: .silent) else { throw RecordCursor.Miss() }
        return (Cue(text: words, start: place.scalars.lowerBound, end: place.scalars.upperBound), place.bytes)
    }
}
