import AttributedCore
import Foundation
import Testing

/// `/metrics` of the real daemon: what the callbacks count, including what only the wire produces (a 405 answered
/// on the first call, open connections, the request in flight).
@Suite struct LiveMetricsTests {
    @Test func countsWhatWasAnsweredOverTheWire() throws {
        let live = try LiveServer()
        let client = try live.client()
        for _ in 0..<3 { #expect(try client.request("GET", "/v1/claims/c09").status == 200) }
        #expect(try client.request("HEAD", "/v1/claims/c09").status == 200)
        #expect(try client.request("GET", "/v1/nope").status == 404)
        let rejected = try live.client()
        try rejected.send("DELETE /v1/claims/c09 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try rejected.readReply().status == 405)
        let tooMany = "/v1/claims?" + (0...API.maximumQueryParameters).map { "p\($0)=1" }.joined(separator: "&")
        #expect(try client.request("GET", tooMany).status == 400)
        let idle = try live.client()
        #expect(try idle.request("GET", "/healthz").status == 200)

        let scrape = try client.request("GET", "/metrics")
        #expect(scrape.status == 200)
        #expect(scrape.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        let lines = Set(scrape.text.split(separator: "\n").map(String.init))
        #expect(lines.contains(#"attributed_http_requests_total{route="/v1/claims/{id}",method="GET",code="200"} 3"#))
        #expect(lines.contains(#"attributed_http_requests_total{route="/v1/claims/{id}",method="HEAD",code="200"} 1"#))
        #expect(lines.contains(#"attributed_http_requests_total{route="unmatched",method="GET",code="404"} 1"#))
        // Answered by the server before the API saw the request, and still labelled by its route.
        #expect(lines.contains(#"attributed_http_requests_total{route="/v1/claims",method="GET",code="400"} 1"#))
        #expect(lines.contains(#"attributed_http_requests_total{route="/v1/claims/{id}",method="other",code="405"} 1"#))
        #expect(lines.contains(#"attributed_http_request_duration_seconds_count{route="/v1/claims/{id}"} 5"#))
        // The scrape itself is the one request in flight; `client` and `idle` are open (the 405 closed its own).
        #expect(lines.contains("attributed_http_requests_in_flight 1"))
        let open = lines.first { $0.hasPrefix("attributed_http_connections_open ") }.flatMap { Int($0.split(separator: " ")[1]) }
        #expect(open.map { (2...3).contains($0) } == true, "connections open: \(open.map(String.init) ?? "none")")
        #expect(lines.contains("attributed_dataset_claims 28"))
    }
}
