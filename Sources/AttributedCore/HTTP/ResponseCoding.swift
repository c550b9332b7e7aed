/// gzip for a client that accepts it (`Accept-Encoding`, `AcceptEncoding`): a 200 whose body is 1 KB or more and
/// whose route says it varies by `Accept-Encoding` goes out gzipped, under its own tag (`ETag.gzipped`). Smaller
/// bodies gain little and cost a compression each.
enum ResponseCoding {
    static let minimumSize = 1024

    static func compresses(_ size: Int) -> Bool { size >= minimumSize }

    /// The headers of the gzip coding of a body whose identity headers are `headers`: its tag, `Content-Encoding`.
    static func gzipHeaders(_ headers: [HTTPHeader]) -> [HTTPHeader] {
        var headers = headers
        if let etag = headers.firstIndex(where: { $0.name == "ETag" }) { headers[etag].value = ETag.gzipped(headers[etag].value) }
        headers.append(StandardHeaders.gzipEncoding)
        return headers
    }
}

extension Response {
    /// This response for a client that accepts gzip: a prebuilt body's gzip variant, a body at hand compressed, a
    /// rendered body marked to be compressed when rendered (its size is not known before). Unchanged when the
    /// route's responses do not vary by `Accept-Encoding`, or for any status but 200.
    func gzipped() -> Response {
        guard status == 200, headers.contains(where: StandardHeaders.isVaryByEncoding) else { return self }
        var response = self
        switch body {
        case .empty:
            return self
        case .representation(let representation):
            guard let gzipped = representation.gzipped else { return self }
            response.headers = gzipped.headers
        case .bytes(let bytes):
            guard ResponseCoding.compresses(bytes.count) else { return self }
            response.headers = ResponseCoding.gzipHeaders(headers)
            response.body = .bytes(gzip(bytes))
        case .rendered:
            break
        case .events:
            return self  // each event must go out as it happens, not when a compressor's block fills
        case .stream:
            // An export's size is known only at its end: it is always compressed, chunk by chunk.
            response.headers = ResponseCoding.gzipHeaders(headers)
        }
        response.coding = .gzip
        return response
    }

    /// The tag this response goes out with, as far as `If-None-Match` needs it. A rendered body for a gzip client
    /// has one of two, by its size: a request naming the gzip tag is answered without rendering (that tag was only
    /// ever sent for a body large enough, which this one then is); only one naming the identity tag, or `*`,
    /// renders the body to learn which is current (a cache that fetched without gzip, now asking with it).
    func etag(answering ifNoneMatch: String) -> String? {
        guard coding == .gzip, case .rendered = body else { return header("ETag") }
        // The identity tag, which a rendered body's `headers` hold in either coding.
        guard let etag = headers.first(where: { $0.name == "ETag" })?.value else { return nil }
        let gzipped = ETag.gzipped(etag)
        if ETag.lists(ifNoneMatch, gzipped) { return gzipped }
        guard ETag.ifNoneMatch(ifNoneMatch, matches: etag) else { return etag }
        return finished().headers.first { $0.name == "ETag" }?.value
    }
}
