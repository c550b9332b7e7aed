extension Router {
    /// Every route of the API. openapi.yaml lists exactly these paths (a test compares the two).
    public static let attributed = Router([
        Route("/healthz", ProbeHandlers.liveness),
        Route("/readyz", ProbeHandlers.readiness),
        Route("/openapi.yaml", SpecHandler.specification),
        Route("/v1/articles", ArticleHandlers.list),
        Route("/v1/articles/{id}", ArticleHandlers.item),
        Route("/v1/articles/{id}/claims", ArticleHandlers.claims),
        Route("/v1/claims", ClaimHandlers.list),
        Route("/v1/claims/{id}", ClaimHandlers.item),
        Route("/v1/claims/{id}/provenance", ClaimHandlers.provenance),
        Route("/v1/entities", EntityHandlers.list),
        Route("/v1/entities/{id}", EntityHandlers.item),
        Route("/v1/entities/{id}/claims", EntityHandlers.claims),
    ])
}
