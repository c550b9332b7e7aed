/// The filters on an article's publisher, date and language, on every list whose items have an article (claims,
/// articles) and on the indicators' series. `publisher` may be repeated: any of them.
struct ArticleFilters {
    static let parameterNames: Set = ["publisher", "published_since", "published_until", "language"]

    var publishers: [String]
    /// Day numbers (`CalendarDay`), inclusive.
    var since: Int32?
    var until: Int32?
    var language: String?

    init(_ parameters: QueryParameters) throws(Problem) {
        publishers = try parameters.ids("publisher")
        since = try Self.date(parameters, "published_since")
        until = try Self.date(parameters, "published_until")
        language = try parameters.languageTag("language")
    }

    var isEmpty: Bool { publishers.isEmpty && since == nil && until == nil && language == nil }

    private static func date(_ parameters: QueryParameters, _ name: String) throws(Problem) -> Int32? {
        guard let text = try parameters.string(name, maximumLength: 32) else { return nil }
        guard let day = CalendarDay.parse(fullDate: text) else {
            throw .invalidParameter(name, "query parameter \"\(name)\" must be an RFC 3339 full-date (YYYY-MM-DD) that exists")
        }
        return day
    }

    /// The claims' lists of these filters; nil when they can match nothing (no publisher or language of that id).
    func claimCursors(in store: Store) -> [PostingCursor]? {
        let lists = store.corpus
        return cursors(in: store, byPublisher: lists.claimsByPublisher, byLanguage: lists.claimsByLanguage, dates: lists.claimDates)
    }

    /// The same over articles.
    func articleCursors(in store: Store) -> [PostingCursor]? {
        let lists = store.corpus
        return cursors(in: store, byPublisher: lists.articlesByPublisher, byLanguage: lists.articlesByLanguage, dates: lists.articleDates)
    }

    private func cursors(in store: Store, byPublisher: PostingLists, byLanguage: PostingLists, dates: DateLists) -> [PostingCursor]? {
        var cursors: [PostingCursor] = []
        if !publishers.isEmpty {
            // Any of them: a union of their lists (an id that names no entity adds nothing).
            let lists = Set(publishers.compactMap { store.entityIndex[$0] }).sorted().map { ListCursor(byPublisher[$0], list: $0) }
                .filter { $0.count > 0 }
            switch lists.count {
            case 0: return nil
            case 1: cursors.append(.list(lists[0]))
            default: cursors.append(.union(UnionCursor(lists)))
            }
        }
        if since != nil || until != nil {
            let range = dates.cursor(since: since, until: until)
            guard range.estimatedCount > 0 else { return nil }
            cursors.append(range)
        }
        if let language {
            guard let position = store.corpus.languages.sortedIndex(of: language) else { return nil }
            cursors.append(.list(byLanguage, position))
        }
        return cursors
    }
}
