/// A facet value's toggle: the same list with that value's filter added, or removed when the request has it
/// already. The cursor is dropped (a toggled list starts at its first page); every other parameter is kept, in order.
enum FacetToggle {
    /// The filter a value stands for: one parameter, or for `month` and `year` the date range of the period.
    static func filter(_ name: FacetName, value: Int, labels: FacetLabels) -> [QueryItem] {
        let label = labels.label(value)
        switch name {
        case .month:
            let days = PublicationPeriod.days(ofMonth: labels.corpus.monthKeys[value])
            return [QueryItem("published_since", days.first), QueryItem("published_until", days.last)]
        case .year:
            let days = PublicationPeriod.days(ofYear: labels.corpus.years[value])
            return [QueryItem("published_since", days.first), QueryItem("published_until", days.last)]
        default:
            return [QueryItem(name.rawValue, label)]
        }
    }

    /// Whether `request` has the filter already, and the URL that toggles it: without it, or with it (added beside
    /// the values of a repeatable filter; otherwise in place of the parameter's value).
    static func toggle(_ filter: [QueryItem], repeatable: Bool, in request: Request) -> (selected: Bool, url: String) {
        var query = request.query.filter { $0.name != "cursor" }
        let selected = filter.allSatisfy(query.contains)
        if selected {
            query.removeAll(where: filter.contains)
        } else {
            if !repeatable { query.removeAll { item in filter.contains { $0.name == item.name } } }
            query += filter
        }
        return (selected, ListResponse.url(path: request.path, query: query))
    }
}
