@testable import AttributedCore
import Foundation

/// Tests/Datasets/sourcing.json as its own JSON says it is, read back from the API's exports (every claim,
/// article and entity as NDJSON), never from the store: what facets, filters and series are counted against.
struct SourcingCorpus: @unchecked Sendable {
    struct ClaimFacts {
        let id: String
        let article: String
        /// Every value the claim has for each facet (several for `mode` and `source`, none for an undated `month`).
        let values: [FacetName: [String]]
        let derivation: String?
        let proposition: String
        let depth: Int
        let origin: String
        let hedged: Bool
        let documentSourced: Bool
        let declinedComment: Bool
        let sources: [String]
    }

    struct ArticleFacts {
        let id: String
        let publisher: String
        let language: String
        let month: String?
        let year: String?
        /// The period's first and last day, `YYYY-MM-DD`.
        let first: String?
        let last: String?
    }

    static let store = TestDatasets.sourcing
    static let shared = SourcingCorpus(store)

    let claims: [ClaimFacts]
    let articles: [String: ArticleFacts]
    let articleOrder: [String]
    let entities: [String: [String: Any]]

    init(_ store: Store) {
        func lines(_ target: String) -> [[String: Any]] {
            let body = TestDatasets.get(store, target).bodyBytes
            return body.split(separator: 0x0A).map { try! JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
        }
        var entities: [String: [String: Any]] = [:]
        for entity in lines("/v1/entities?format=ndjson") { entities[entity["id"] as! String] = entity }
        self.entities = entities
        var articles: [String: ArticleFacts] = [:]
        var order: [String] = []
        for article in lines("/v1/articles?format=ndjson") {
            let published = article["published"] as? String
            let (month, year, first, last) = Self.period(published)
            let id = article["id"] as! String
            order.append(id)
            articles[id] = ArticleFacts(id: id, publisher: article["publisher"] as! String, language: article["language"] as! String,
                                        month: month, year: year, first: first, last: last)
        }
        self.articles = articles
        articleOrder = order
        claims = lines("/v1/claims?format=ndjson").map { claim in
            let chain = claim["chain"] as! [[String: Any]]
            let article = articles[claim["article"] as! String]!
            var sources: [String] = []
            for link in chain where !sources.contains(link["source"] as! String) { sources.append(link["source"] as! String) }
            let modes = Set(chain.map { $0["mode"] as! String }).sorted()
            let last = chain.last!
            let origin = claim["origin"] as! String
            let factuality = last["factuality"] as! String
            var values: [FacetName: [String]] = [
                .publisher: [article.publisher], .anonymity: [claim["weakestAnonymity"] as! String], .mode: modes,
                .source: sources, .origin: [origin], .originKind: [entities[origin]!["kind"] as! String],
                .factuality: [factuality], .depth: [String(chain.count)], .language: [article.language],
            ]
            values[.month] = article.month.map { [$0] } ?? []
            values[.year] = article.year.map { [$0] } ?? []
            return ClaimFacts(id: claim["id"] as! String, article: article.id, values: values,
                              derivation: chain.count > 1 ? last["derivation"] as? String : nil,
                              proposition: claim["proposition"] as! String, depth: chain.count, origin: origin,
                              hedged: !["CT+", "CT-"].contains(factuality) || last["attributionType"] as! String == "belief",
                              documentSourced: sources.contains { entities[$0]!["kind"] as! String == "document" },
                              declinedComment: modes.contains("declined_comment"), sources: sources)
        }
    }

    /// (month, year, first day, last day) of a `published` value, written out independently of the server's calendar.
    static func period(_ published: String?) -> (String?, String?, String?, String?) {
        guard let published else { return (nil, nil, nil, nil) }
        let year = String(published.prefix(4))
        guard published.count >= 7 else { return (nil, year, "\(year)-01-01", "\(year)-12-31") }
        let month = String(published.prefix(7))
        guard published.count >= 10 else {
            var components = DateComponents(year: Int(year)!, month: Int(month.suffix(2))!)
            let calendar = Calendar(identifier: .gregorian)
            let days = calendar.range(of: .day, in: .month, for: calendar.date(from: components)!)!.count
            components.day = days
            return (month, year, "\(month)-01", "\(month)-\(days)")
        }
        let day = String(published.prefix(10))
        return (month, year, day, day)
    }

    /// The facet as the API should show it: every value with its count, most frequent first, ties by value (depth,
    /// month and year in their own order, which for months and years is also their spelling's).
    static func expectedFacet(_ name: FacetName, over claims: [ClaimFacts]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for claim in claims { for value in claim.values[name]! { counts[value, default: 0] += 1 } }
        return counts.sorted { left, right in
            if left.value != right.value { return left.value > right.value }
            if name == .depth { return Int(left.key)! < Int(right.key)! }
            return Array(left.key.utf8).lexicographicallyPrecedes(Array(right.key.utf8))
        }.map { ($0.key, $0.value) }
    }

    /// The facet values as the API gave them.
    static func facet(_ response: Response, _ name: FacetName) -> [(String, Int)] {
        let facets = response.object["facets"] as? [String: Any]
        let values = (facets?[name.rawValue] as? [String: Any])?["values"] as? [[String: Any]] ?? []
        return values.map { ($0["value"] as! String, $0["count"] as! Int) }
    }

    /// Every item of a list, paged through with its `next` cursor.
    static func allIds(_ target: String, store: Store = SourcingCorpus.store) -> [String] {
        var ids: [String] = []
        var cursor: String?
        repeat {
            let separator = target.contains("?") ? "&" : "?"
            let response = TestDatasets.get(store, target + separator + "limit=500" + (cursor.map { "&cursor=\($0)" } ?? ""))
            ids += response.itemIds
            cursor = response.object["next"] as? String
        } while cursor != nil
        return ids
    }
}
