import Foundation
@testable import AttributedCore

/// Every resource a dataset serves (each claim, provenance chain, entity, article, and the lists), body and ETag by
/// path: two datasets meant to be the same must give the same map.
enum ServedResources {
    struct Served: Equatable {
        let status: Int
        let body: [UInt8]
        let etag: String?
    }

    static func of(_ dataset: Dataset) -> [String: Served] {
        let store = Store(dataset, loadedAt: "2026-11-25T00:00:00Z")
        var paths = ["/v1/claims?limit=500", "/v1/entities?limit=500", "/v1/articles?limit=500"]
        for claim in dataset.claims {
            paths += ["/v1/claims/\(claim.id)", "/v1/claims/\(claim.id)/provenance"]
            // Search: every word of the claim's text, alone.
            paths += claim.text.split(whereSeparator: { !$0.isLetter }).map { "/v1/claims?q=\($0)&limit=500" }
        }
        for entity in dataset.entities { paths += ["/v1/entities/\(entity.id)", "/v1/entities/\(entity.id)/claims?limit=500"] }
        for article in dataset.articles { paths += ["/v1/articles/\(article.id)", "/v1/articles/\(article.id)/claims?limit=500"] }
        return Dictionary(paths.map { ($0, get($0, from: store)) }, uniquingKeysWith: { first, _ in first })
    }

    static func get(_ path: String, from store: Store) -> Served {
        let response = API(openAPISpecification: []).respond(to: request(path), store: store)
        return Served(status: response.status, body: response.bodyBytes, etag: response.header("ETag"))
    }

    static func request(_ target: String) -> Request {
        let parts = target.split(separator: "?", maxSplits: 1)
        let query: [QueryItem] = parts.count > 1 ? parts[1].split(separator: "&").map { pair -> QueryItem in
            let nameValue = pair.split(separator: "=", maxSplits: 1)
            return QueryItem(String(nameValue[0]), nameValue.count > 1 ? String(nameValue[1]).removingPercentEncoding : nil)
        } : []
        return Request(path: String(parts[0]), query: query)
    }

    static func json(_ served: Served?) -> [String: Any] {
        (served.flatMap { try? JSONSerialization.jsonObject(with: Data($0.body)) } as? [String: Any]) ?? [:]
    }
}
