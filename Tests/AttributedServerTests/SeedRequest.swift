import AttributedCore

/// A request target as the server splits it (path, and query items in order), with an `Accept-Encoding`: what the
/// in-process API is given to compare with what the live server sent.
enum SeedRequest {
    static func parse(_ target: String, acceptEncoding: String? = nil) -> Request {
        let parts = target.split(separator: "?", maxSplits: 1)
        let query: [QueryItem] = parts.count > 1 ? parts[1].split(separator: "&").map { pair -> QueryItem in
            let nameValue = pair.split(separator: "=", maxSplits: 1)
            return QueryItem(String(nameValue[0]), nameValue.count > 1 ? String(nameValue[1]) : nil)
        } : []
        return Request(path: String(parts[0]), query: query, acceptEncoding: acceptEncoding)
    }
}
