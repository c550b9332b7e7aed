/// `"facets":{"anonymity":{"values":[{"value":"anonymous","count":6,"selected":false,"toggle":"/v1/claims?…"},…],
/// "other":0},…}`: each facet asked for, in the order asked, its `size` most frequent values and the rest's total.
enum FacetsJSON {
    static func write(_ facets: [(name: FacetName, values: FacetValues)], size: Int, request: Request, corpus: CorpusLists,
                      into out: inout JSONOutput) {
        out.raw("{")
        for (position, facet) in facets.enumerated() {
            if position > 0 { out.raw(",") }
            out.string(facet.name.rawValue)
            out.raw(#":{"values":["#)
            let labels = FacetLabels(facet.name, corpus: corpus)
            let shown = facet.values.entries.prefix(size)
            for (index, entry) in shown.enumerated() {
                if index > 0 { out.raw(",") }
                let filter = FacetToggle.filter(facet.name, value: entry.value, labels: labels)
                let toggle = FacetToggle.toggle(filter, repeatable: facet.name.isRepeatableFilter, in: request)
                out.raw(#"{"value":"#)
                out.string(labels.label(entry.value))
                out.raw(#","count":"#)
                out.int(entry.count)
                out.raw(toggle.selected ? #","selected":true,"toggle":"# : #","selected":false,"toggle":"#)
                out.string(toggle.url)
                out.raw("}")
            }
            out.raw(#"],"other":"#)
            out.int(facet.values.entries.dropFirst(size).reduce(0) { $0 + $1.count })
            out.raw("}")
        }
        out.raw("}")
    }
}
