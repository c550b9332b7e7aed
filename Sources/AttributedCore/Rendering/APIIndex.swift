/// `/` for a client that is not a browser: where everything is.
enum APIIndex {
    static let json = JSON.object([
        ("name", .string("attributed")),
        ("description", .string("Source-attributed reporting data: articles, their claims, the entities that say and are "
            + "spoken about, and each claim's chain of attribution. Every route and shape is in the specification.")),
        ("links", .object([
            ("articles", .string("/v1/articles")),
            ("claims", .string("/v1/claims")),
            ("entities", .string("/v1/entities")),
            ("indicators", .string("/v1/indicators")),
            ("specification", .string("/openapi.yaml")),
            ("liveness", .string("/healthz")),
            ("readiness", .string("/readyz")),
            ("metrics", .string("/metrics")),
            ("explorer", .string(ExplorerPaths.home)),
        ])),
    ])
}
