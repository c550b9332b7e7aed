/// A claim as the API shows it: the input fields in the format's order, then the computed ones (depth, origin,
/// weakest anonymity). The span's and cues' texts are read from the article by offset.
struct ClaimJSON {
    let claims: ClaimTable
    let entities: [Entity]

    func write(_ ordinal: Int, into out: inout JSONOutput) {
        let record = claims.records[ordinal]
        let article = claims.articles[Int(record.article)]
        claims.withFieldText(of: record) { text in
            out.raw(#"{"id":"#)
            claims.strings.withBytes(record.id) { out.string(utf8: $0) }
            out.raw(#","article":"#)
            out.string(article.id)
            out.raw(#","span":{"field":"#)
            out.string(record.field.rawValue)
            if record.field == .summary {
                out.raw(#","index":"#)
                out.int(record.summaryIndex)
            }
            out.raw(#","start":"#)
            out.int(record.start)
            out.raw(#","end":"#)
            out.int(record.end)
            out.raw(#","exact":"#)
            out.string(utf8: slice(text, record.byteStart, record.byteEnd))
            out.raw(#","prefix":"#)
            out.string(utf8: slice(text, record.byteStart - record.prefixBytes, record.byteStart))
            out.raw(#","suffix":"#)
            out.string(utf8: slice(text, record.byteEnd, record.byteEnd + record.suffixBytes))
            out.raw(#"},"text":"#)
            claims.strings.withBytes(record.text) { out.string(utf8: $0) }
            out.raw(#","about":"#)
            out.strings(claims.subjectOrdinals(of: record).lazy.map { entities[Int($0)].id })
            out.raw(#","proposition":"#)
            claims.strings.withBytes(record.proposition) { out.string(utf8: $0) }
            out.raw(#","chain":["#)
            var origin = 0
            for (position, link) in claims.chain(of: record).enumerated() {
                if position > 0 { out.raw(",") }
                out.raw(#"{"source":"#)
                out.string(entities[Int(link.source)].id)
                writeLinkFields(link, in: text, into: &out) { recipient, out in out.string(entities[Int(recipient)].id) }
                out.raw("}")
                origin = Int(link.source)
            }
            out.raw(#"],"depth":"#)
            out.int(record.linkCount)
            out.raw(#","origin":"#)
            out.string(entities[origin].id)
            out.raw(#","weakestAnonymity":"#)
            out.string(record.weakestAnonymity.rawValue)
            out.raw("}")
        }
    }

    /// A link's fields after `source`, from `cue` to `derivation`; the recipient is written by the caller's rule
    /// (an id in a claim, the whole entity in a provenance chain).
    func writeLinkFields(_ link: LinkRecord, in text: UnsafeBufferPointer<UInt8>, into out: inout JSONOutput,
                         recipient: (UInt32, inout JSONOutput) -> Void) {
        out.raw(#","cue":"#)
        if link.hasCue {
            out.raw(#"{"text":"#)
            out.string(utf8: slice(text, link.cueByteStart, link.cueByteEnd))
            out.raw(#","start":"#)
            out.int(link.cueStart)
            out.raw(#","end":"#)
            out.int(link.cueEnd)
            out.raw("}")
        } else {
            out.raw("null")
        }
        out.raw(#","mode":"#)
        out.string(link.mode.rawValue)
        out.raw(#","attributionType":"#)
        out.string(link.attributionType.rawValue)
        out.raw(#","factuality":"#)
        out.string(link.factuality.rawValue)
        out.raw(#","recipient":"#)
        if link.recipient == LinkRecord.noEntity { out.raw("null") } else { recipient(link.recipient, &out) }
        out.raw(#","derivation":"#)
        out.optionalString(link.derivation?.rawValue)
    }

    private func slice(_ text: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(start)..<Int(end)])
    }
}
