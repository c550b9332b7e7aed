/// The content codings a response can have (RFC 9110 §8.4.1): this server compresses with gzip only.
public enum ContentCoding: Sendable {
    case identity, gzip
}

/// Reads `Accept-Encoding` (RFC 9110 §12.5.3): gzip when the client gives it (or `x-gzip`, or `*`) a `q` above 0,
/// unless it ranks identity (by name, or by `*`) higher. Identity unlisted is acceptable but not preferred: a
/// client that lists `gzip;q=0.1` alone wants it. When nothing is acceptable (`*;q=0`), a body still goes out as
/// it is, as §12.5.3 says it should (there is no 406 for codings). An empty header asks for no coding.
enum AcceptEncoding {
    static func coding(_ header: String) -> ContentCoding {
        // What browsers, curl --compressed and most clients send, without parsing: an explicit `gzip` (q=1) first,
        // which nothing later in the list can outrank.
        if header == "gzip" || header.hasPrefix("gzip,") { return .gzip }
        var gzip: Double?
        var identity: Double?
        var any: Double?
        for element in header.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let name = parts.first?.trimmingSpaces().lowercased(), !name.isEmpty else { continue }
            let quality = ContentNegotiation.quality(parameters: parts.dropFirst())
            // A coding listed twice counts at its higher `q`: the RFC leaves repeats open, and this way a stray
            // `x-gzip;q=0` beside `gzip` turns nothing off.
            switch name {
            case "gzip", "x-gzip": gzip = max(gzip ?? 0, quality)
            case "identity": identity = max(identity ?? 0, quality)
            case "*": any = max(any ?? 0, quality)
            default: continue
            }
        }
        let gzipQuality = gzip ?? any ?? 0
        let identityQuality = identity ?? any ?? 0
        return gzipQuality > 0 && gzipQuality >= identityQuality ? .gzip : .identity
    }
}
