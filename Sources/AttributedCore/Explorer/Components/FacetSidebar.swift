/// The claim search's facets: for each, its most frequent values with their counts over every match, each a link
/// that adds that filter to the search (or removes it, for a value already chosen).
enum FacetSidebar {
    /// What the sidebar counts.
    static let names: [FacetName] = [.publisher, .year, .anonymity, .mode, .originKind, .factuality, .depth, .language]
    static let size = 8

    static func write(_ facets: [(name: FacetName, values: FacetValues)], request: Request, store: Store, into out: inout HTMLOutput) {
        out.raw(#"<aside class="facets" aria-label="Refine"><h2>Refine</h2>"#)
        for facet in facets where !facet.values.entries.isEmpty {
            let labels = FacetLabels(facet.name, corpus: store.corpus)
            out.raw("<section")
            out.attribute("class", "facet facet-" + facet.name.rawValue)
            out.raw("><h3>")
            out.text(title(facet.name))
            out.raw("</h3><ul>")
            for entry in facet.values.entries.prefix(size) {
                let filter = FacetToggle.filter(facet.name, value: entry.value, labels: labels)
                let toggle = FacetToggle.toggle(filter, repeatable: facet.name.isRepeatableFilter, in: request)
                out.raw(toggle.selected ? "<li class=\"selected\"><a" : "<li><a")
                out.attribute("href", toggle.url)
                out.attribute("data-count", entry.count)
                out.raw(">")
                out.text(display(facet.name, labels.label(entry.value), store: store))
                out.raw("</a> <span class=\"count\">")
                out.number(entry.count)
                out.raw("</span></li>")
            }
            out.raw("</ul></section>")
        }
        out.raw("</aside>")
    }

    private static func title(_ name: FacetName) -> String {
        switch name {
        case .originKind: "Origin kind"
        case .depth: "Chain length"
        default: name.rawValue.prefix(1).uppercased() + name.rawValue.dropFirst()
        }
    }

    /// Entities by name, vocabularies as the explorer writes them elsewhere.
    private static func display(_ name: FacetName, _ value: String, store: Store) -> String {
        switch name {
        case .publisher, .source, .origin: EntityLookup(store: store)[value]?.label ?? value
        case .anonymity, .mode: value.replacingOccurrences(of: "_", with: " ")
        default: value
        }
    }
}
