/// What `facet=` counts. Each name is also a filter (or, for `month` and `year`, a date range), so that every value
/// has a toggle.
enum FacetName: String, CaseIterable, Sendable {
    case publisher, anonymity, mode, source, origin
    case originKind = "origin_kind"
    case factuality, depth, language, month, year

    /// What an article list counts: the articles' own fields.
    static let ofArticles: [FacetName] = [.publisher, .language, .month, .year]
    /// What an article's claims count: the claims' own fields (its publisher, language and date are the article's).
    static let ofArticleClaims: [FacetName] = [.anonymity, .mode, .source, .origin, .originKind, .factuality, .depth]

    /// Whether its filter takes several values, so that a toggle adds one instead of replacing the value given.
    var isRepeatableFilter: Bool { self == .publisher || self == .mode || self == .source }
}

/// `facet` (repeatable) and `facet_size` on a list.
struct FacetRequest {
    static let parameterNames: Set = ["facet", "facet_size"]
    static let defaultSize = 10
    static let sizes = 1...100

    let names: [FacetName]
    let size: Int

    init(_ parameters: QueryParameters, applicable: [FacetName]) throws(Problem) {
        let names: [FacetName] = try parameters.choices("facet")
        for (position, name) in names.enumerated() {
            guard applicable.contains(name) else {
                throw .invalidParameter("facet", "facet \"\(name.rawValue)\" does not apply to this list; these do: "
                    + applicable.map(\.rawValue).joined(separator: ", "))
            }
            guard !names[..<position].contains(name) else {
                throw .invalidParameter("facet", "facet \"\(name.rawValue)\" is asked for more than once")
            }
        }
        self.names = names
        size = try parameters.integer("facet_size", in: Self.sizes) ?? Self.defaultSize
    }

    var isEmpty: Bool { names.isEmpty }
}
