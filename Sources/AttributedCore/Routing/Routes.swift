extension Router {
    /// Every route of the API. openapi.yaml lists exactly these paths (a test compares the two).
    public static let attributed = Router([
        Route("/", IndexHandler.root),
        Route("/healthz", ProbeHandlers.liveness),
        Route("/readyz", ProbeHandlers.readiness),
        Route("/metrics", MetricsHandler.exposition),
        Route("/openapi.yaml", SpecHandler.specification),
        Route("/v1/articles", ArticleHandlers.list, writes: ["POST": WriteHandlers.importArticles]),
        Route("/v1/articles/{id}", ArticleHandlers.item,
              writes: ["PUT": WriteHandlers.putArticle, "DELETE": WriteHandlers.deleteArticle]),
        Route("/v1/articles/{id}/claims", ArticleHandlers.claims),
        Route("/v1/articles/{id}/annotations", AnnotationHandlers.container),
        Route("/v1/articles/{id}/indicators", IndicatorHandlers.article),
        Route("/v1/claims", ClaimHandlers.list),
        Route("/v1/claims/{id}", ClaimHandlers.item),
        Route("/v1/claims/{id}/provenance", ClaimHandlers.provenance),
        Route("/v1/entities", EntityHandlers.list),
        Route("/v1/entities/{id}", EntityHandlers.item, writes: ["PUT": WriteHandlers.putEntity]),
        Route("/v1/entities/{id}/claims", EntityHandlers.claims),
        Route("/v1/indicators", IndicatorHandlers.aggregate),
        Route("/explore/", ExplorerHandlers.home),
        Route("/explore/articles/{id}", ExplorerHandlers.article),
        Route("/explore/claims/{id}", ExplorerHandlers.claim),
        Route("/explore/entities/{id}", ExplorerHandlers.entity),
        Route("/explore/assets/explorer.css", ExplorerHandlers.stylesheet),
        Route("/explore/assets/explorer.js", ExplorerHandlers.script),
    ])
}
