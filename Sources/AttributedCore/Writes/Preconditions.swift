/// RFC 9110 §13.1 for writes: `If-Match` with strong comparison, `If-None-Match: *` to create only, and (RFC 6585
/// §3) 428 for a change to an existing record made without `If-Match`, so that no update is lost unseen.
enum Preconditions {
    /// `current` is the record's ETag, nil when it does not exist.
    static func check(_ write: PendingWrite, current: String?, what: String) throws(Problem) {
        if let ifNoneMatch = write.ifNoneMatch, let current, ETag.ifNoneMatch(ifNoneMatch, matches: current) {
            throw .preconditionFailed("\(what) already exists (If-None-Match: \(ifNoneMatch))")
        }
        guard let ifMatch = write.ifMatch else {
            if current != nil { throw .preconditionRequired(what) }
            return
        }
        guard let current else { throw .preconditionFailed("\(what) does not exist, so If-Match cannot match") }
        guard strongMatch(ifMatch, current) else {
            throw .preconditionFailed("\(what) has changed: its ETag is \(current), not \(ifMatch)")
        }
    }

    /// A weak tag never matches strongly; `*` matches any current representation. The tag of the record's gzip
    /// coding names its current state as well: a browser always asks for gzip, so it only ever sees that one.
    static func strongMatch(_ header: String, _ etag: String) -> Bool {
        let gzipped = ETag.gzipped(etag)
        return header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingSpaces()
            return tag == "*" || (!tag.hasPrefix("W/") && (tag == etag || tag == gzipped))
        }
    }
}
