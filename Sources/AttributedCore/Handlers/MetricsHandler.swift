/// Prometheus' scrape target. Prometheus asks for gzip, and the exposition passes 1 KB: it may be gzipped.
enum MetricsHandler {
    static func exposition(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.parameters()
        let body = Array(MetricsReport.text(context.metrics, store: context.store).utf8)
        return Response(status: 200, headers: StandardHeaders.success(contentType: PrometheusExposition.contentType,
                                                                      etag: ETag.strong(for: body), cacheControl: CacheControl.none)
                            + [StandardHeaders.varyByEncoding],
                        body: .bytes(body))
    }
}
