/// Liveness and readiness, for Kubernetes and load balancers.
enum ProbeHandlers {
    /// 200 whenever the process serves, dataset or not.
    static func liveness(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.parameters()
        return Response(context.permanent.liveness)
    }

    /// 200 with the dataset's version and counts once one is loaded; 503 before.
    static func readiness(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.parameters()
        return Response(try context.dataset().readiness)
    }
}

/// The API's own contract, the very file at the repository root.
enum SpecHandler {
    static func specification(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.parameters()
        return Response(context.permanent.specification)
    }
}
