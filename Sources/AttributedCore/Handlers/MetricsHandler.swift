/// Prometheus' scrape target.
enum MetricsHandler {
    static func exposition(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.parameters()
        let body = Array(MetricsReport.text(context.metrics, store: context.store).utf8)
        return Response(status: 200, headers: StandardHeaders.success(contentType: PrometheusExposition.contentType,
                                                                      etag: ETag.strong(for: body), cacheControl: CacheControl.none),
                        body: .bytes(body))
    }
}
