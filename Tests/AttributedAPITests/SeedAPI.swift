@testable import AttributedCore
import Foundation

/// The API over the bundled seed dataset, loaded once for all tests.
enum SeedAPI {
    static let api = API(openAPISpecification: BundledResources.openAPISpecification())
    static let store: Store = {
        do { return Store(try DatasetLoader.load(path: BundledResources.seedDatasetPath!)) } catch {
            fatalError("the seed dataset must load: \(error)")
        }
    }()

    static func get(_ target: String, method: String = "GET", ifNoneMatch: String? = nil, accept: String? = nil,
                    acceptEncoding: String? = nil, store: Store? = SeedAPI.store) -> Response {
        var request = request(target, method: method, ifNoneMatch: ifNoneMatch)
        request.accept = accept
        request.acceptEncoding = acceptEncoding
        return api.respond(to: request, store: store)
    }

    /// Builds a request the way the server does: path and query split, `+` and `%HH` decoded.
    static func request(_ target: String, method: String = "GET", ifNoneMatch: String? = nil) -> Request {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let query = parts.count > 1 ? parts[1].split(separator: "&").map { pair -> QueryItem in
            let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            return QueryItem(decode(nameValue[0]), nameValue.count > 1 ? decode(nameValue[1]) : nil)
        } : []
        return Request(method: method, path: String(parts[0]), query: query, ifNoneMatch: ifNoneMatch)
    }
}

extension Response {
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(bodyBytes)) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
    var itemIds: [String] { items.compactMap { $0["id"] as? String } }
}
