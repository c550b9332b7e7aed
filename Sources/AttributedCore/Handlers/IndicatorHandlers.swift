/// Sourcing indicators (docs/indicators.md), all computed at load: every answer is O(1).
enum IndicatorHandlers {
    static func article(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(offering: .jsonOnly)
        let ordinal = try Lookup.ordinal(of: context.id, in: store.articleIndex, kind: "article")
        _ = try context.negotiate(parameters)
        return context.resource(.articleIndicators, ordinal, etag: store.etags.articleIndicators(ordinal), of: store)
    }

    /// Over every article, or over one publisher's (`publisher`); a publisher that publishes nothing, like any id
    /// in a filter that names nothing, selects no article.
    static func aggregate(_ context: RouteContext) throws(Problem) -> Response {
        let store = try context.dataset()
        let parameters = try context.parameters(allowed: ["publisher"], offering: .jsonOnly)
        _ = try context.negotiate(parameters)
        guard let publisher = try parameters.string("publisher") else {
            return Response(store.overallIndicators)
        }
        guard let entity = store.entityIndex[publisher], let position = store.indicators.publisherPosition(of: entity) else {
            return Response(store.noIndicators)
        }
        return context.resource(.publisherIndicators, position, etag: store.etags.publisherIndicators(position), of: store)
    }
}
