@testable import AttributedCore
import Foundation
import Testing

/// `/v1/indicators?interval=`: each period's indicators, recomputed here from the exported JSON (docs/indicators.md).
@Suite struct SeriesTests {
    let corpus = SourcingCorpus.shared

    func get(_ target: String) -> Response { TestDatasets.get(SourcingCorpus.store, target) }

    /// The indicators of some articles, as docs/indicators.md defines them, from the JSON alone.
    func indicators(of articles: [String]) -> [String: Any] {
        let claims = corpus.claims.filter { articles.contains($0.article) }
        var weakest: [String: Int] = ["named": 0, "partially_identified": 0, "anonymous": 0, "unspecified": 0]
        for claim in claims { weakest[claim.values[.anonymity]![0], default: 0] += 1 }
        var sources: Set<String> = []
        for claim in claims {
            let publisher = corpus.articles[claim.article]!.publisher
            sources.formUnion(claim.sources.filter { $0 != publisher })
        }
        var byAnonymity: [String: Int] = ["named": 0, "partially_identified": 0, "anonymous": 0, "unspecified": 0]
        var withReason = 0
        var withoutReason = 0
        for source in sources {
            let entity = corpus.entities[source]!
            let anonymity = entity["anonymity"] as! String
            byAnonymity[anonymity, default: 0] += 1
            if anonymity == "anonymous" || anonymity == "partially_identified" {
                if entity["anonymityReason"] is String { withReason += 1 } else { withoutReason += 1 }
            }
        }
        var corroborated = 0
        for article in articles {
            var origins: [String: Set<String>] = [:]
            for claim in claims where claim.article == article { origins[claim.proposition, default: []].insert(claim.origin) }
            corroborated += origins.values.filter { $0.count >= 2 }.count
        }
        let totalDepth = claims.reduce(0) { $0 + $1.depth }
        let meanDepth = claims.isEmpty ? 0 : Double((totalDepth * 200 + claims.count) / (claims.count * 2)) / 100
        return [
            "articles": articles.count, "claims": claims.count, "byWeakestAnonymity": weakest,
            "namedOrigin": claims.filter { corpus.entities[$0.origin]!["anonymity"] as! String == "named" }.count,
            "sources": sources.count, "sourcesByAnonymity": byAnonymity, "unnamedSourcesWithReason": withReason,
            "unnamedSourcesWithoutReason": withoutReason, "documentSourced": claims.filter(\.documentSourced).count,
            "secondHand": claims.filter { $0.depth >= 3 }.count, "hedged": claims.filter(\.hedged).count,
            "declinedComment": claims.filter(\.declinedComment).count, "maxDepth": claims.map(\.depth).max() ?? 0,
            "meanDepth": meanDepth, "corroborated": corroborated,
        ]
    }

    func expectSame(_ shown: [String: Any], _ expected: [String: Any], _ context: String) {
        #expect(Set(shown.keys) == Set(expected.keys), "\(context)")
        for (key, value) in expected {
            if let number = value as? Double {
                #expect(abs((shown[key] as? Double ?? -1) - number) < 0.001, "\(context) \(key)")
            } else if let counts = value as? [String: Int] {
                #expect(shown[key] as? [String: Int] == counts, "\(context) \(key)")
            } else {
                #expect(shown[key] as? Int == value as? Int, "\(context) \(key): \(shown[key] ?? "nil") vs \(value)")
            }
        }
    }

    /// The rows a series should have: its periods with articles, by publisher when asked, in order.
    func expectedRows(_ interval: String, byPublisher: Bool, articles: [String]) -> [(period: String, publisher: String?, articles: [String])] {
        var groups: [String: [String]] = [:]
        for id in articles {
            let article = corpus.articles[id]!
            guard let period = interval == "month" ? article.month : article.year else { continue }
            groups[period + "|" + (byPublisher ? article.publisher : ""), default: []].append(id)
        }
        return groups.keys.sorted().map { key in
            let parts = key.split(separator: "|", omittingEmptySubsequences: false)
            return (String(parts[0]), byPublisher ? String(parts[1]) : nil, groups[key]!)
        }
    }

    @Test(arguments: ["month", "year"], [false, true]) func aSeriesIsEachPeriodsIndicators(_ interval: String, _ byPublisher: Bool) throws {
        for (query, selects) in [("", { (_: SourcingCorpus.ArticleFacts) in true }),
                                 ("&publisher=daily&publisher=weekly", { ["daily", "weekly"].contains($0.publisher) }),
                                 ("&published_since=2024-07-01&language=en", { ($0.first ?? "") >= "2024-07-01" && $0.language == "en" })] {
            let target = "/v1/indicators?interval=\(interval)\(byPublisher ? "&by=publisher" : "")\(query)"
            let response = get(target)
            #expect(response.status == 200)
            #expect(response.object["interval"] as? String == interval)
            let items = try #require(response.object["items"] as? [[String: Any]])
            let expected = expectedRows(interval, byPublisher: byPublisher, articles: corpus.articleOrder.filter { selects(corpus.articles[$0]!) })
            #expect(items.count == expected.count, "\(target)")
            #expect(expected.count > 2, "\(target) has periods")
            for (item, row) in zip(items, expected) {
                #expect(item["period"] as? String == row.period, "\(target)")
                #expect(item["publisher"] as? String == row.publisher, "\(target)")
                expectSame(try #require(item["indicators"] as? [String: Any]), indicators(of: row.articles), "\(target) \(row.period)")
            }
        }
    }

    @Test func csvAndNDJSONHaveOneRowPerItem() throws {
        let json = try #require(get("/v1/indicators?interval=year&by=publisher").object["items"] as? [[String: Any]])
        let ndjson = get("/v1/indicators?interval=year&by=publisher&format=ndjson")
        #expect(ndjson.headers.first { $0.name == "Content-Type" }?.value.hasPrefix("application/x-ndjson") == true)
        let lines = ndjson.bodyBytes.split(separator: 0x0A).map { try! JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
        #expect(lines.count == json.count)
        #expect(zip(lines, json).allSatisfy { NSDictionary(dictionary: $0).isEqual(to: $1) })
        let csv = String(decoding: get("/v1/indicators?interval=year&by=publisher&format=csv").bodyBytes, as: UTF8.self)
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == SeriesBodies.csvColumns)
        #expect(rows.count == json.count + 1)
        for (row, item) in zip(rows.dropFirst(), json) {
            let indicators = item["indicators"] as! [String: Any]
            #expect(row[0] == item["period"] as? String && row[1] == item["publisher"] as? String)
            #expect(row[2] == String(indicators["articles"] as! Int) && row[3] == String(indicators["claims"] as! Int))
            #expect(row[4] == String((indicators["byWeakestAnonymity"] as! [String: Int])["named"]!))
            #expect(Double(row[rows[0].firstIndex(of: "meanDepth")!]) == indicators["meanDepth"] as? Double)
        }
        // Without by=publisher the publisher cell is empty.
        let plain = String(decoding: get("/v1/indicators?interval=month&format=csv").bodyBytes, as: UTF8.self)
        #expect(plain.split(separator: "\r\n").dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[1].isEmpty })
    }

    @Test func theUnfilteredSeriesIsCountedAtLoad() {
        let store = SourcingCorpus.store
        let loaded = store.allSeries.series(.month, byPublisher: true)
        let counted = SourcingSeries(.month, byPublisher: true, articles: 0..<UInt32(store.articles.count), corpus: store.corpus,
                                     counts: store.indicators.articles, claimsOfArticle: store.filters.claimsOfArticle,
                                     traits: store.sourceTraits)
        #expect(loaded.rows.map(\.indicators) == counted.rows.map(\.indicators))
    }

    @Test func badSeriesParametersAre400s() {
        for (target, parameter) in [("/v1/indicators?interval=week", "interval"), ("/v1/indicators?interval=month&by=author", "by"),
                                    ("/v1/indicators?format=xml", "format"), ("/v1/indicators?interval=year&interval=month", "interval"),
                                    ("/v1/indicators?interval=year&published_until=2025-1-1", "published_until"),
                                    ("/v1/indicators?" + Array(repeating: "publisher=daily", count: 17).joined(separator: "&"), "publisher")] {
            let response = get(target)
            #expect(response.status == 400, "\(target)")
            #expect(response.object["parameter"] as? String == parameter, "\(target)")
        }
    }

    /// Without `interval`: one publisher's aggregate is the one counted at load; any other selection is counted.
    @Test func anAggregateOverAnySelection() throws {
        let daily = corpus.articleOrder.filter { corpus.articles[$0]!.publisher == "daily" }
        expectSame(get("/v1/indicators?publisher=daily").object, indicators(of: daily), "daily")
        let two = corpus.articleOrder.filter { ["daily", "weekly"].contains(corpus.articles[$0]!.publisher) }
        expectSame(get("/v1/indicators?publisher=daily&publisher=weekly").object, indicators(of: two), "daily and weekly")
        let dated = corpus.articleOrder.filter { (corpus.articles[$0]!.first ?? "") >= "2025-01-01" && corpus.articles[$0]!.language == "fr" }
        expectSame(get("/v1/indicators?published_since=2025-01-01&language=fr").object, indicators(of: dated), "2025 on, French")
        expectSame(get("/v1/indicators?publisher=no-such&publisher=other").object, indicators(of: []), "nothing")
        // `by` alone, or a CSV, is the series over `all`: every article, the undated too.
        let all = try #require(get("/v1/indicators?by=publisher").object["items"] as? [[String: Any]])
        #expect(get("/v1/indicators?by=publisher").object["interval"] as? String == "all")
        #expect(all.map { $0["publisher"] as? String } == ["courier", "daily", "herald", "weekly"])
        for item in all {
            #expect(item["period"] as? String == "all")
            let publisher = item["publisher"] as! String
            expectSame(item["indicators"] as! [String: Any],
                       indicators(of: corpus.articleOrder.filter { corpus.articles[$0]!.publisher == publisher }), publisher)
        }
        let csv = String(decoding: get("/v1/indicators?format=csv").bodyBytes, as: UTF8.self).split(separator: "\r\n")
        #expect(csv.count == 2 && csv[1].hasPrefix("all,,\(corpus.articles.count),\(corpus.claims.count),"))
    }
}
