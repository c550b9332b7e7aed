enum ETag {
    /// A strong validator: the hash of the exact bytes sent.
    static func strong(for body: [UInt8]) -> String {
        var hash = Hash64()
        hash.combine(body)
        return "\"\(hash.hex)\""
    }

    /// RFC 9110 §13.1.2: `If-None-Match` uses weak comparison, and `*` matches any current representation.
    static func ifNoneMatch(_ header: String, matches etag: String) -> Bool {
        let opaque = etag.hasPrefix("W/") ? String(etag.dropFirst(2)) : etag
        for candidate in header.split(separator: ",") {
            var tag = candidate.trimmingSpaces()
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            if tag == opaque { return true }
        }
        return false
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " || result.first == "\t" { result = result.dropFirst() }
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return result
    }
}
