@testable import AttributedCore
import Foundation
import Testing

/// `/explore/sourcing` and the claim search's facets, in process, against the API's own series and counts.
@Suite struct SourcingPageTests {
    func html(_ target: String, store: Store = SourcingCorpus.store) -> String {
        let response = TestDatasets.get(store, target)
        #expect(response.status == 200, "\(target)")
        return String(decoding: response.bodyBytes, as: UTF8.self)
    }

    /// Each chart's points, per publisher: (period, claims, count, href).
    func points(_ html: String, chart: String) -> [String: [(period: String, claims: Int, count: Int, href: String)]] {
        let figure = html.components(separatedBy: #"<figure class="sourcing-chart" id="chart-\#(chart)""#)[1].components(separatedBy: "</figure>")[0]
        var result: [String: [(String, Int, Int, String)]] = [:]
        for group in figure.components(separatedBy: #"<g class="series "#).dropFirst() {
            let publisher = String(group.firstMatch(of: /data-publisher="([^"]+)"/)!.1)
            result[publisher] = group.matches(of: /<a href="([^"]+)"><circle class="point"[^>]*data-period="([^"]+)" data-claims="(\d+)" data-count="(\d+)"/).map {
                (String($0.2), Int($0.3)!, Int($0.4)!, String($0.1).replacingOccurrences(of: "&amp;", with: "&"))
            }
        }
        return result
    }

    @Test(arguments: ["month", "year"]) func everyPointIsAPublishersPeriodOfTheSeries(_ interval: String) throws {
        let page = html("/explore/sourcing?interval=\(interval)")
        let items = try #require(TestDatasets.get(SourcingCorpus.store, "/v1/indicators?interval=\(interval)&by=publisher").object["items"] as? [[String: Any]])
        #expect(page.matches(of: /<figure class="sourcing-chart"/).count == SourcingMetric.allCases.count)
        let counts: [SourcingMetric: (([String: Any]) -> Int)] = [
            .unnamed: { ($0["claims"] as! Int) - (($0["byWeakestAnonymity"] as! [String: Int])["named"]!) },
            .namedOrigin: { $0["namedOrigin"] as! Int }, .secondHand: { $0["secondHand"] as! Int }, .hedged: { $0["hedged"] as! Int },
        ]
        for metric in SourcingMetric.allCases {
            let drawn = points(page, chart: metric.rawValue)
            #expect(drawn.keys.sorted() == ["courier", "daily", "herald", "weekly"], "one line per publisher")
            for (publisher, points) in drawn {
                let rows = items.filter { $0["publisher"] as? String == publisher && (($0["indicators"] as! [String: Any])["claims"] as! Int) > 0 }
                #expect(points.map(\.period) == rows.map { $0["period"] as! String }, "\(metric) \(publisher)")
                #expect(points.map(\.claims) == rows.map { ($0["indicators"] as! [String: Any])["claims"] as! Int })
                #expect(points.map(\.count) == rows.map { counts[metric]!($0["indicators"] as! [String: Any]) })
            }
        }
        // Each point's link lists as many claims as the point says.
        for (_, points) in points(page, chart: SourcingMetric.unnamed.rawValue) {
            for point in points {
                let claims = html(point.href)
                #expect(claims.contains(#"<span class="matches" data-count="\#(point.claims)">"#), "\(point.href)")
            }
        }
        // The table beneath has a row per item.
        #expect(page.components(separatedBy: "<tbody>")[1].matches(of: /<tr>/).count == items.count)
    }

    @Test func theClaimSearchHasFacetsWithToggles() throws {
        let page = html("/explore/?publisher=daily&published_since=2025-01-01&published_until=2025-12-31")
        let expected = SourcingCorpus.shared.claims.filter { $0.values[.publisher] == ["daily"] && $0.values[.year] == ["2025"] }
        #expect(page.contains(#"<span class="matches" data-count="\#(expected.count)">"#))
        let anonymity = try #require(page.components(separatedBy: #"<section class="facet facet-anonymity">"#).last?.components(separatedBy: "</section>").first)
        let shown = anonymity.matches(of: /<a href="([^"]+)" data-count="(\d+)">/).map { (String($0.1).replacingOccurrences(of: "&amp;", with: "&"), Int($0.2)!) }
        #expect(shown.map(\.1) == SourcingCorpus.expectedFacet(.anonymity, over: expected).map(\.1))
        for (href, count) in shown {
            #expect(href.hasPrefix("/explore/?publisher=daily&published_since=2025-01-01&published_until=2025-12-31&anonymity="))
            #expect(html(href).contains(#"<span class="matches" data-count="\#(count)">"#), "\(href)")
        }
        // The chosen publisher is selected; its link removes it.
        let publisher = try #require(page.components(separatedBy: #"<section class="facet facet-publisher">"#).last)
        #expect(publisher.contains(#"<li class="selected"><a href="/explore/?published_since=2025-01-01&amp;published_until=2025-12-31""#))
        // Unknown filters are a 400 page naming the parameter, as on the API.
        #expect(TestDatasets.get(SourcingCorpus.store, "/explore/?origin_kind=robot").status == 400)
        #expect(TestDatasets.get(SourcingCorpus.store, "/explore/sourcing?interval=week").status == 400)
    }

    @Test func hostileNamesStayText() {
        let page = html("/explore/sourcing", store: TestDatasets.hostileStrings)
        #expect(page.contains("The &lt;script&gt;alert(1)&lt;/script&gt; Gazette"))
        #expect(!page.contains("<script>alert") && !page.contains("<img"))
        #expect(page.matches(of: /<circle class="point"/).count == SourcingMetric.allCases.count)
    }
}

extension SourcingPageTests {
    /// More query parameters than any route takes are refused before the request is read; on the explorer's paths
    /// the refusal keeps the explorer's security headers, as every answer there does.
    @Test func aRefusalOfTooManyParametersKeepsTheExplorersHeaders() {
        let page = SeedAPI.api.tooManyParameters(path: "/explore/sourcing")
        #expect(page.status == 400)
        #expect(page.headers.contains { $0.name == "Content-Security-Policy" && $0.value == "default-src 'self'" })
        #expect(page.headers.contains { $0.name == "X-Content-Type-Options" })
        #expect(!SeedAPI.api.tooManyParameters(path: "/v1/claims").headers.contains { $0.name == "Content-Security-Policy" })
    }
}
