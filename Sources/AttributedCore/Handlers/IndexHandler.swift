/// `/`: a browser (`Accept` preferring `text/html`) is sent to the explorer; anything else gets the API's index.
enum IndexHandler {
    static func root(_ context: RouteContext) throws(Problem) -> Response {
        _ = try context.parameters()
        guard ContentNegotiation.prefersHTML(context.request.accept) else { return Response(context.permanent.index) }
        // 303: whatever the method, the browser fetches the explorer with a GET.
        return Response(status: 303, headers: [HTTPHeader("Location", ExplorerPaths.home), StandardHeaders.varyByAccept,
                                               HTTPHeader("Cache-Control", CacheControl.none)] + StandardHeaders.cors)
    }
}
