/// A claim's attribution chain as an SVG graph, drawn on the server so that it needs no script: a box per link from
/// the publication (top) down to the origin, each with its source's name or descriptor, anonymity and kind, the cue,
/// and the link's mode, attribution type and factuality; an arrow between two links says how the upper one relays
/// the lower (quotation or paraphrase). Colours come from the stylesheet, by the `anonymity-…` class of each box.
enum ChainGraph {
    private static let width = 340
    private static let boxX = 10
    private static let boxWidth = 320
    private static let padding = 10
    private static let lineHeight = 17
    private static let gap = 34
    /// Characters per line at the stylesheet's 13px: a conservative fit for 300px.
    private static let charactersPerLine = 40
    /// The source's line is bold and larger.
    private static let sourceCharactersPerLine = 32

    private struct Line {
        var text: String
        var role: StaticString
    }

    static func write(_ claim: Claim, entities: EntityLookup, into out: inout HTMLOutput) {
        let boxes = claim.chain.enumerated().map { position, link in
            lines(for: link, position: position, depth: claim.chain.count, source: entities[link.source])
        }
        let heights = boxes.map { 2 * padding + $0.count * lineHeight }
        let height = heights.reduce(0, +) + gap * (boxes.count - 1) + 2 * boxX
        out.raw("<svg")
        out.attribute("class", "chain-graph")
        out.attribute("viewBox", "0 0 \(width) \(height)")
        out.attribute("width", width)
        out.attribute("height", height)
        out.raw(#" role="img""#)
        out.attribute("aria-label", "Attribution chain of claim \(claim.id): \(counted(claim.chain.count, "link")), "
            + "from the publication down to the origin")
        out.raw(">")
        var y = boxX
        for (position, link) in claim.chain.enumerated() {
            if position > 0 {
                writeArrow(from: y - gap, to: y, derivation: link.derivation, into: &out)
            }
            let source = entities[link.source]
            out.raw("<g")
            out.attribute("class", "chain-link anonymity-" + (source?.anonymity.rawValue ?? Anonymity.unspecified.rawValue))
            out.attribute("data-position", position)
            out.attribute("data-source-id", link.source)
            out.raw("><rect")
            out.attribute("class", "chain-box")
            out.attribute("x", boxX)
            out.attribute("y", y)
            out.attribute("width", boxWidth)
            out.attribute("height", heights[position])
            out.raw(#" rx="6"></rect>"#)
            for (index, line) in boxes[position].enumerated() {
                out.raw("<text")
                out.attribute("class", String(describing: line.role))
                out.attribute("x", boxX + padding)
                out.attribute("y", y + padding + (index + 1) * lineHeight - 4)
                out.raw(">")
                out.text(line.text)
                out.raw("</text>")
            }
            out.raw("</g>")
            y += heights[position] + gap
        }
        out.raw("</svg>")
    }

    private static func lines(for link: AttributionLink, position: Int, depth: Int, source: Entity?) -> [Line] {
        var lines = TextWrapping.lines(source?.label ?? link.source, width: sourceCharactersPerLine, maxLines: 4)
            .map { Line(text: $0, role: "chain-source") }
        let place = position == 0 ? "publication" : position == depth - 1 ? "origin" : "relay \(position)"
        let identity = source.map(Self.identity) ?? "unknown entity"
        lines.append(Line(text: "\(place) · \(identity)", role: "chain-meta"))
        if let cue = link.cue {
            lines += TextWrapping.lines("cue: “\(cue.text)”", width: charactersPerLine, maxLines: 2)
                .map { Line(text: $0, role: "chain-cue") }
        }
        lines.append(Line(text: "\(link.mode.displayName) · \(link.attributionType.displayName)", role: "chain-mode"))
        lines.append(Line(text: "factuality \(link.factuality.explained)", role: "chain-factuality"))
        return lines
    }

    /// "partially identified document"; "anonymous", not "anonymous anonymous".
    private static func identity(_ entity: Entity) -> String {
        let anonymity = entity.anonymity.displayName
        return entity.kind.rawValue == entity.anonymity.rawValue ? anonymity : "\(anonymity) \(entity.kind.displayName)"
    }

    private static func writeArrow(from top: Int, to bottom: Int, derivation: Derivation?, into out: inout HTMLOutput) {
        let x = width / 2
        out.raw(#"<g class="chain-arrow"><line"#)
        out.attribute("x1", x)
        out.attribute("y1", top + 2)
        out.attribute("x2", x)
        out.attribute("y2", bottom - 8)
        out.raw("></line><polygon")
        out.attribute("points", "\(x - 5),\(bottom - 9) \(x + 5),\(bottom - 9) \(x),\(bottom - 1)")
        out.raw("></polygon>")
        if let derivation {
            out.raw("<text")
            out.attribute("x", x + 10)
            out.attribute("y", (top + bottom) / 2 + 4)
            out.raw(">")
            out.text(derivation.displayName)
            out.raw("</text>")
        }
        out.raw("</g>")
    }
}
