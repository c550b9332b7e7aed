/// A claim's chain as a table: the same facts as the graph, for reading without it and for screen readers.
enum ChainTable {
    static func write(_ claim: Claim, entities: EntityLookup, into out: inout HTMLOutput) {
        out.raw(#"<table class="chain-table"><thead><tr><th scope="col">#</th><th scope="col">Source</th>"#)
        out.raw(#"<th scope="col">Anonymity</th><th scope="col">Cue</th><th scope="col">Mode</th><th scope="col">Type</th>"#)
        out.raw(#"<th scope="col">Factuality</th><th scope="col">Relayed as</th><th scope="col">Said to</th></tr></thead><tbody>"#)
        for (position, link) in claim.chain.enumerated() {
            out.raw("<tr><td>")
            out.number(position)
            out.raw("</td><td>")
            entities.writeLink(link.source, into: &out)
            out.raw("</td><td>")
            if let source = entities[link.source] { AnonymityBadge.write(source.anonymity, into: &out) }
            out.raw("</td><td>")
            if let cue = link.cue { out.text("“\(cue.text)”") }
            cell(link.mode.displayName, into: &out)
            cell(link.attributionType.displayName, into: &out)
            cell(link.factuality.explained, into: &out)
            cell(link.derivation?.displayName ?? "", into: &out)
            out.raw("</td><td>")
            if let recipient = link.recipient { entities.writeLink(recipient, into: &out) }
            out.raw("</td></tr>")
        }
        out.raw("</tbody></table>")
    }

    private static func cell(_ text: String, into out: inout HTMLOutput) {
        out.raw("</td><td>")
        out.text(text)
    }
}
