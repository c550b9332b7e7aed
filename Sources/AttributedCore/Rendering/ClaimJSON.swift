/// A claim as the API shows it: the input fields in the format's order, then the computed ones (depth, origin,
/// weakest anonymity). The span's and cues' texts are read from the article by offset; ids are copied already
/// quoted. One per store, shared: a class, so that rendering a list does not copy its tables for every item.
final class ClaimJSON: Sendable {
    let claims: ClaimTable
    /// Every entity's id, quoted (a provenance chain's `entities` keys use them too).
    let entityIds: QuotedStrings
    private let articleIds: QuotedStrings

    init(claims: ClaimTable, entities: [Entity]) {
        self.claims = claims
        entityIds = QuotedStrings(entities.lazy.map(\.id))
        articleIds = QuotedStrings(claims.articles.lazy.map(\.id))
    }

    /// Starts fetching what rendering `record` reads beyond the record itself.
    func prefetch(_ record: ClaimRecord) {
        claims.prefetch(record)
        articleIds.prefetch(Int(record.article))
    }

    func write(_ ordinal: Int, into out: inout JSONOutput) {
        let record = claims.records[ordinal]
        claims.withFieldText(of: record) { text in
            claims.prefetchCues(of: record, in: text)
            out.raw(#"{"id":"#)
            claims.strings.withBytes(record.id) { out.string(utf8: $0) }
            out.raw(#","article":"#)
            articleIds.write(Int(record.article), into: &out)
            out.member(#","span":{"field":"#, record.field)
            if record.field == .summary { out.member(#","index":"#, record.summaryIndex) }
            out.raw(",")
            let covering = out.count
            writeSelector(record.span, in: text, into: &out)
            let coveringEnd = out.count
            out.raw(#","segments":[{"#)
            if record.isDiscontinuous {
                claims.withSegments(of: ordinal) { segments in
                    for (index, segment) in segments.enumerated() {
                        if index > 0 { out.raw(",{") }
                        writeSelector(segment, in: text, into: &out)
                        out.raw("}")
                    }
                }
            } else {
                // A contiguous span's one segment is the span itself: its five members, already escaped, once more.
                out.repeatBytes(covering..<coveringEnd)
                out.raw("}")
            }
            out.raw(#"]},"text":"#)
            claims.strings.withBytes(record.text) { out.string(utf8: $0) }
            out.raw(#","about":["#)
            for (index, subject) in claims.subjectOrdinals(of: record).enumerated() {
                if index > 0 { out.raw(",") }
                entityIds.write(Int(subject), into: &out)
            }
            out.raw("]")
            out.raw(#","proposition":"#)
            claims.strings.withBytes(record.proposition) { out.string(utf8: $0) }
            out.raw(#","chain":["#)
            var origin = 0
            for (position, link) in claims.chain(of: record).enumerated() {
                if position > 0 { out.raw(",") }
                out.raw(#"{"source":"#)
                entityIds.write(Int(link.source), into: &out)
                writeLinkFields(link, in: text, into: &out) { recipient, out in entityIds.write(Int(recipient), into: &out) }
                out.raw("}")
                origin = Int(link.source)
            }
            out.member(#"],"depth":"#, record.linkCount)
            out.raw(#","origin":"#)
            entityIds.write(origin, into: &out)
            out.member(#","weakestAnonymity":"#, record.weakestAnonymity)
            out.raw("}")
        }
    }

    /// A link's fields after `source`, from `cue` to `derivation`; the recipient is written by the caller's rule
    /// (an id in a claim, the whole entity in a provenance chain).
    func writeLinkFields(_ link: LinkRecord, in text: UnsafeBufferPointer<UInt8>, into out: inout JSONOutput,
                         recipient: (UInt32, inout JSONOutput) -> Void) {
        out.raw(#","cue":"#)
        if link.hasCue {
            out.member(#"{"text":"#, utf8: slice(text, link.cueByteStart, link.cueByteEnd))
            out.member(#","start":"#, link.cueStart)
            out.member(#","end":"#, link.cueEnd)
            out.raw("}")
        } else {
            out.raw("null")
        }
        out.member(#","mode":"#, link.mode)
        out.member(#","attributionType":"#, link.attributionType)
        out.member(#","factuality":"#, link.factuality)
        out.raw(#","recipient":"#)
        if link.recipient == LinkRecord.noEntity { out.raw("null") } else { recipient(link.recipient, &out) }
        out.raw(#","derivation":"#)
        if let derivation = link.derivation { out.vocabulary(derivation) } else { out.raw("null") }
    }

    /// `"start":…,"end":…,"exact":…,"prefix":…,"suffix":…`: the covering range and each segment alike.
    private func writeSelector(_ selector: SelectorRecord, in text: UnsafeBufferPointer<UInt8>, into out: inout JSONOutput) {
        out.member(#""start":"#, selector.start)
        out.member(#","end":"#, selector.end)
        out.member(#","exact":"#, utf8: UnsafeBufferPointer(rebasing: text[selector.bytes]))
        out.member(#","prefix":"#, utf8: UnsafeBufferPointer(rebasing: text[selector.prefixRange]))
        out.member(#","suffix":"#, utf8: UnsafeBufferPointer(rebasing: text[selector.suffixRange]))
    }

    private func slice(_ text: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(start)..<Int(end)])
    }
}
