enum ETag {
    /// A strong validator: the hash of the exact bytes sent.
    static func strong(for body: [UInt8]) -> String { quoted(hash(of: body)) }

    /// The 8 bytes a store keeps per resource, so that its tag is known without rendering it.
    static func hash(of body: [UInt8]) -> UInt64 {
        body.withUnsafeBytes { hash(of: $0) }
    }

    static func hash(of body: UnsafeRawBufferPointer) -> UInt64 {
        var hash = Hash64()
        hash.combine(body)
        return hash.value
    }

    /// `"` + 16 hex digits + `"`, written straight into the string's storage: this runs on every request.
    static func quoted(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 18) { buffer in
            let digits: StaticString = "0123456789abcdef"
            buffer[0] = UInt8(ascii: "\"")
            for index in 0..<16 {
                buffer[1 + index] = digits.utf8Start[Int(value >> (60 - 4 * UInt64(index)) & 0xF)]
            }
            buffer[17] = UInt8(ascii: "\"")
            return 18
        }
    }

    /// The tag of a body's gzip coding: the identity tag with `-gzip` inside its quotes. It differs from that
    /// one, costs no hashing of the compressed bytes, and still names one sequence of bytes (a strong tag): the
    /// compressed bytes follow from the identity bytes (`GzipStream` at a fixed level, no timestamp).
    static func gzipped(_ etag: String) -> String { "\(etag.dropLast())-gzip\"" }

    /// RFC 9110 §13.1.2: `If-None-Match` uses weak comparison, and `*` matches any current representation.
    static func ifNoneMatch(_ header: String, matches etag: String) -> Bool {
        lists(header, etag, orWildcard: true)
    }

    /// Whether `header` names `etag` itself (weak comparison); `*` counts only `orWildcard`.
    static func lists(_ header: String, _ etag: String, orWildcard: Bool = false) -> Bool {
        let opaque = etag.hasPrefix("W/") ? String(etag.dropFirst(2)) : etag
        for candidate in header.split(separator: ",") {
            var tag = candidate.trimmingSpaces()
            if tag == "*" {
                if orWildcard { return true }
                continue
            }
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
