/// The explorer's answers: HTML with a strong ETag over the exact bytes (a page is small and rendered per request),
/// and the headers that keep the dataset's text inert (`StandardHeaders.explorer`). A page may be gzipped, so it
/// varies by `Accept-Encoding`; an error page is small and never is.
enum ExplorerResponse {
    /// Renders a page; a problem becomes an error page with the problem's status.
    static func page(_ render: () throws(Problem) -> [UInt8]) -> Response {
        do {
            let body = try render()
            return Response(status: 200, headers: StandardHeaders.success(contentType: MediaType.html, etag: ETag.strong(for: body),
                                                                          cacheControl: CacheControl.data)
                                + StandardHeaders.explorer + [StandardHeaders.varyByEncoding],
                            body: .bytes(body))
        } catch {
            return Response(status: error.status, headers: [HTTPHeader("Content-Type", MediaType.html),
                                                            HTTPHeader("Cache-Control", CacheControl.none)]
                                + StandardHeaders.explorer + StandardHeaders.cors,
                            body: .bytes(ErrorPage.render(error)))
        }
    }
}
