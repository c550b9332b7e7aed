public enum MediaType {
    public static let json = "application/json"
    public static let jsonLD = "application/ld+json"
    /// Web Annotation Protocol §1.2, written as its examples write it.
    public static let annotation = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\""
    public static let problem = "application/problem+json"
    public static let yaml = "application/yaml"
    public static let ndjson = "application/x-ndjson"
    /// RFC 4180 §3 and RFC 7111: the charset, and that the first row names the columns.
    public static let csv = "text/csv; charset=utf-8; header=present"
    public static let html = "text/html; charset=utf-8"
    /// The live change feed (server-sent events).
    public static let eventStream = "text/event-stream; charset=utf-8"
    public static let css = "text/css; charset=utf-8"
    public static let javascript = "text/javascript; charset=utf-8"
}

public enum CacheControl {
    /// Data is immutable per dataset version; a minute of caching, then revalidation by ETag.
    public static let data = "public, max-age=60"
    /// A revision's document never changes (RFC 8246): a year, and no revalidation.
    public static let immutable = "public, max-age=31536000, immutable"
    /// Probes and errors must reflect the moment they are asked.
    public static let none = "no-store"
}

/// The methods every route answers; everything else is 405.
public enum AllowedMethods {
    public static let list = "GET, HEAD, OPTIONS"
    /// A server that takes writes, over the routes that have any.
    public static let withWrites = "GET, HEAD, OPTIONS, PUT, DELETE, POST"
}

enum StandardHeaders {
    /// On every response, errors included, so browsers can read errors too.
    static let cors = [
        HTTPHeader("Access-Control-Allow-Origin", "*"),
        HTTPHeader("Access-Control-Expose-Headers", "ETag, Link"),
    ]

    /// One array literal, not a concatenation: this runs for every rendered response.
    static func success(contentType: String, etag: String, cacheControl: String) -> [HTTPHeader] {
        [HTTPHeader("Content-Type", contentType), HTTPHeader("ETag", etag), HTTPHeader("Cache-Control", cacheControl),
         cors[0], cors[1]]
    }

    /// A data route's 200: its body depends on `Accept` (and `format`, which is in the URL) and, when it is 1 KB or
    /// more, on `Accept-Encoding`, so caches key it by both. One array literal as well.
    static func negotiated(contentType: String, etag: String, cacheControl: String) -> [HTTPHeader] {
        [HTTPHeader("Content-Type", contentType), HTTPHeader("ETag", etag), HTTPHeader("Cache-Control", cacheControl),
         varyByAcceptAndEncoding, cors[0], cors[1]]
    }

    static func notModified(etag: String, cacheControl: String) -> [HTTPHeader] {
        [HTTPHeader("ETag", etag), HTTPHeader("Cache-Control", cacheControl)] + cors
    }

    /// On the explorer's pages, stylesheet and script: only the server's own files may run or style a page (no
    /// inline script or style, so text from the dataset can never become either), and browsers must not guess a
    /// type other than the one sent.
    static let explorer = [
        HTTPHeader("Content-Security-Policy", "default-src 'self'"),
        HTTPHeader("X-Content-Type-Options", "nosniff"),
    ]

    /// `/` and the data routes answer by `Accept`, so caches must key them by that too.
    static let varyByAccept = HTTPHeader("Vary", "Accept")
    /// A data route whose body may be gzipped (`ResponseCoding`).
    static let varyByAcceptAndEncoding = HTTPHeader("Vary", "Accept, Accept-Encoding")
    /// A body that may be gzipped, of a route that offers one format (the spec, the explorer, `/metrics`).
    static let varyByEncoding = HTTPHeader("Vary", "Accept-Encoding")
    static let gzipEncoding = HTTPHeader("Content-Encoding", "gzip")

    /// A `Vary` that names `Accept-Encoding` (as this server writes them: last, and spelled so), read without
    /// Foundation's substring search: it runs for every request that accepts gzip.
    static func isVaryByEncoding(_ header: HTTPHeader) -> Bool {
        header.name == "Vary" && header.value.hasSuffix("Accept-Encoding")
    }

    /// `headers` with `Accept-Encoding` added to their `Vary` (or a `Vary: Accept-Encoding` added), unless there.
    static func varyingByEncoding(_ headers: [HTTPHeader]) -> [HTTPHeader] {
        guard let vary = headers.firstIndex(where: { $0.name == "Vary" }) else { return headers + [varyByEncoding] }
        guard !isVaryByEncoding(headers[vary]) else { return headers }
        var headers = headers
        headers[vary].value += ", Accept-Encoding"
        return headers
    }

    static let preflight = [
        HTTPHeader("Allow", AllowedMethods.list),
        HTTPHeader("Access-Control-Allow-Methods", AllowedMethods.list),
        // `Accept` too: a `profile="…"` in it has quotes, which make it a header a browser must ask leave to send;
        // `Prefer` is how an annotation client asks a container for IRIs or a minimal container.
        HTTPHeader("Access-Control-Allow-Headers", "Accept, If-None-Match, Prefer"),
        HTTPHeader("Access-Control-Max-Age", "86400"),
        HTTPHeader("Cache-Control", CacheControl.none),
    ] + cors

    /// The same on a server that takes writes: the write methods, and the headers a write carries.
    static func preflightWithWrites(allow: String) -> [HTTPHeader] { [
        HTTPHeader("Allow", allow),
        HTTPHeader("Access-Control-Allow-Methods", AllowedMethods.withWrites),
        HTTPHeader("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, If-Match, If-None-Match, Prefer"),
        HTTPHeader("Access-Control-Max-Age", "86400"),
        HTTPHeader("Cache-Control", CacheControl.none),
    ] + cors }

    /// A write's answer: never cached; `Location` is readable from a browser too.
    static func written(etag: String?, location: String?) -> [HTTPHeader] {
        var headers = [HTTPHeader("Content-Type", MediaType.json), HTTPHeader("Cache-Control", CacheControl.none)]
        if let etag { headers.append(HTTPHeader("ETag", etag)) }
        if let location { headers.append(HTTPHeader("Location", location)) }
        return headers + [cors[0], HTTPHeader("Access-Control-Expose-Headers", "ETag, Link, Location")]
    }
}
