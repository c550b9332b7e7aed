/// Entities by id, for pages that show a claim's sources by name.
struct EntityLookup {
    let store: Store

    subscript(id: String) -> Entity? { store.entityIndex[id].map { store.entities[$0] } }

    /// `<a href="/explore/entities/…">label</a>`, or the bare id for an id that names nothing.
    func writeLink(_ id: String, into out: inout HTMLOutput) {
        if let entity = self[id] { out.link(ExplorerPaths.entity(id), entity.label) } else { out.text(id) }
    }
}

/// A small coloured label for an anonymity level, the colours of the highlights.
enum AnonymityBadge {
    static func write(_ anonymity: Anonymity, into out: inout HTMLOutput) {
        out.raw("<span")
        out.attribute("class", "badge anonymity-" + anonymity.rawValue)
        out.raw(">")
        out.text(anonymity.displayName)
        out.raw("</span>")
    }
}

/// What the highlight colours mean.
enum Legend {
    static func write(into out: inout HTMLOutput) {
        out.raw(#"<section class="legend" aria-labelledby="legend-title"><h2 id="legend-title">Legend</h2>"#)
        out.raw("<p>Each highlight is a claim, coloured by the least identified source on its chain:</p><ul>")
        let meanings: [(Anonymity, String)] = [
            (.named, "every source is named"),
            (.partiallyIdentified, "a source is unnamed but placed by role or affiliation"),
            (.anonymous, "a source is unnamed and unplaced (“sources”)"),
            (.unspecified, "no source at all, only an impersonal “it has been reported”"),
        ]
        for (anonymity, meaning) in meanings {
            out.raw("<li>")
            AnonymityBadge.write(anonymity, into: &out)
            out.raw(" ")
            out.text(meaning)
            out.raw("</li>")
        }
        out.raw(#"</ul><p>Underlined words are the cues of the selected claim (“told”, “reads”). Nested highlights are claims "#)
        out.raw("inside claims; a highlight shared by several claims selects each in turn.</p></section>")
    }
}
