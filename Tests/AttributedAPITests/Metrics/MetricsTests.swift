@testable import AttributedCore
import Foundation
import Testing

/// `/metrics` in process: the exposition's shape, what the counters say, and that no request can add a series.
@Suite struct MetricsTests {
    /// A fresh API per test: its counters start at zero.
    private func freshAPI() -> API { API(openAPISpecification: BundledResources.openAPISpecification()) }

    private func scrape(_ api: API, store: Store? = SeedAPI.store) -> (Response, [String]) {
        let response = api.respond(to: Request(path: "/metrics"), store: store)
        return (response, String(decoding: response.bodyBytes, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    @Test func isPrometheusTextWithItsHeaders() {
        let (response, lines) = scrape(freshAPI())
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.header("ETag")?.hasPrefix("\"") == true)
        // Every family has its HELP and TYPE before its samples, and every sample line is `name{labels} value`.
        var typed: Set<String> = []
        for line in lines {
            if line.hasPrefix("# TYPE ") { typed.insert(String(line.split(separator: " ")[2])) ; continue }
            if line.hasPrefix("#") { continue }
            let name = String(line.prefix { $0 != "{" && $0 != " " })
            let family = ["_bucket", "_sum", "_count"].reduce(name) { name, suffix in
                typed.contains(name) ? name : (name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name)
            }
            #expect(typed.contains(family), "a sample before its TYPE: \(line)")
            #expect(Double(line.split(separator: " ").last ?? "") != nil, "not a number: \(line)")
        }
    }

    @Test func reportsTheDatasetTheBuildAndTheProcess() {
        let (_, lines) = scrape(freshAPI())
        #expect(lines.contains("attributed_dataset_info{version=\"\(SeedAPI.store.version)\"} 1"))
        #expect(lines.contains("attributed_dataset_claims 28"))
        #expect(lines.contains("attributed_dataset_articles 1"))
        #expect(lines.contains("attributed_dataset_entities 27"))
        #expect(lines.contains("attributed_build_info{version=\"\(BuildInfo.version)\",swift=\"\(BuildInfo.swiftVersion)\"} 1"))
        #expect(lines.contains("attributed_dataset_reloads_total{outcome=\"ok\"} 0"))
        #expect(lines.contains { $0.hasPrefix("process_resident_memory_bytes ") })
        #expect(lines.contains { $0.hasPrefix("process_open_fds ") })
    }

    @Test func answersWithoutADatasetAndSaysSo() {
        let (response, lines) = scrape(freshAPI(), store: nil)
        #expect(response.status == 200)
        #expect(!lines.contains { $0.hasPrefix("attributed_dataset_info{") })
        #expect(lines.contains("attributed_dataset_claims 0"))
    }

    @Test func loadsAndReloadsAreReported() {
        let api = freshAPI()
        api.metrics.datasetServed(loadSeconds: 1.5, at: Date(timeIntervalSince1970: 1_800_000_000))
        api.metrics.reloadEnded(.ok)
        api.metrics.reloadEnded(.refused)
        api.metrics.reloadEnded(.refused)
        let (_, lines) = scrape(api)
        #expect(lines.contains("attributed_dataset_load_duration_seconds 1.5"))
        #expect(lines.contains("attributed_dataset_loaded_timestamp_seconds 1800000000"))
        #expect(lines.contains("attributed_dataset_reloads_total{outcome=\"ok\"} 1"))
        #expect(lines.contains("attributed_dataset_reloads_total{outcome=\"refused\"} 2"))
    }

    @Test func countsRequestsByRouteTemplateMethodAndCode() {
        let api = freshAPI()
        let claim = api.respond(to: Request(path: "/v1/claims/c09"), store: SeedAPI.store)
        let missing = api.respond(to: Request(path: "/v1/nope"), store: SeedAPI.store)
        for response in [claim, claim, missing] {
            api.metrics.requests.record(route: response.route, method: 0, status: response.status, nanoseconds: 3_000_000)
        }
        api.metrics.requests.record(route: claim.route, method: Array("get".utf8).withUnsafeBytes(RequestMetrics.methodIndex), status: 405,
                                    nanoseconds: 50_000)
        let (_, lines) = scrape(api)
        #expect(lines.contains(#"attributed_http_requests_total{route="/v1/claims/{id}",method="GET",code="200"} 2"#))
        #expect(lines.contains(#"attributed_http_requests_total{route="unmatched",method="GET",code="404"} 1"#))
        #expect(lines.contains(#"attributed_http_requests_total{route="/v1/claims/{id}",method="other",code="405"} 1"#))
        // 3 ms lands above 2.5 ms and within 5 ms; the 50 µs one within the first bucket.
        #expect(lines.contains(#"attributed_http_request_duration_seconds_bucket{route="/v1/claims/{id}",le="0.0001"} 1"#))
        #expect(lines.contains(#"attributed_http_request_duration_seconds_bucket{route="/v1/claims/{id}",le="0.0025"} 1"#))
        #expect(lines.contains(#"attributed_http_request_duration_seconds_bucket{route="/v1/claims/{id}",le="0.005"} 3"#))
        #expect(lines.contains(#"attributed_http_request_duration_seconds_bucket{route="/v1/claims/{id}",le="+Inf"} 3"#))
        #expect(lines.contains(#"attributed_http_request_duration_seconds_count{route="/v1/claims/{id}"} 3"#))
        #expect(lines.contains(#"attributed_http_request_duration_seconds_sum{route="/v1/claims/{id}"} 0.00605"#))
        // Routes never asked for have no series.
        #expect(!lines.contains { $0.contains(#"route="/v1/entities""#) })
    }

    @Test func everyRouteIsLabelledByItsTemplateAndHostileInputAddsNoSeries() {
        let api = freshAPI()
        #expect(api.respond(to: Request(path: "/v1/claims/x\"y"), store: SeedAPI.store).route
                == api.router.routes.firstIndex { $0.pattern.description == "/v1/claims/{id}" })
        #expect(api.respond(to: Request(path: "/\u{0}\n\"}"), store: SeedAPI.store).route == nil)
        #expect(api.respond(to: Request(method: "BREW", path: "/healthz"), store: nil).route
                == api.router.routes.firstIndex { $0.pattern.description == "/healthz" })
        for method in ["GET", "HEAD", "OPTIONS", "BREW", "get", ""] {
            api.metrics.requests.record(route: nil, method: Array(method.utf8).withUnsafeBytes(RequestMetrics.methodIndex), status: 999, nanoseconds: 1)
        }
        let counts = api.metrics.requests.requestCounts()
        #expect(Set(counts.map(\.method)) == ["GET", "HEAD", "OPTIONS", "other"])
        #expect(Set(counts.map(\.code)) == ["other"])
        #expect(counts.map(\.count).reduce(0, +) == 6)
    }

    @Test func labelValuesAreEscaped() {
        #expect(PrometheusExposition.escapedLabel(#"a\b"c"# + "\nd") == #"a\\b\"c\nd"#)
        #expect(PrometheusExposition.format(3) == "3")
        #expect(PrometheusExposition.format(0.25) == "0.25")
        #expect(PrometheusExposition.format(.infinity) == "+Inf")
    }

    @Test func theBuildVersionIsTheContractsVersion() throws {
        let specification = String(decoding: BundledResources.openAPISpecification(), as: UTF8.self)
        let infoVersion = try #require(specification.split(separator: "\n").first { $0.hasPrefix("  version: ") })
        #expect(infoVersion == "  version: \(BuildInfo.version)")
    }

    @Test func countsFromManyThreadsAddUp() async {
        let counters = ShardedCounters(count: 3)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { for index in 0..<30_000 { counters.add(index % 3) } }
            }
        }
        #expect((0..<3).map(counters.total) == [80_000, 80_000, 80_000])
    }
}
