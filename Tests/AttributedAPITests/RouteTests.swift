@testable import AttributedCore
import Foundation
import Testing

@Suite struct RouteTests {
    @Test func livenessIsAConstantPrebuiltResponse() {
        let response = SeedAPI.get("/healthz")
        #expect(response.status == 200)
        #expect(String(decoding: response.bodyBytes, as: UTF8.self) == #"{"status":"ok"}"#)
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.header("ETag")?.hasPrefix("\"") == true)
        guard case .representation = response.body else { Issue.record("not prebuilt"); return }
    }

    @Test func livenessAnswersWithoutADataset() {
        #expect(SeedAPI.get("/healthz", store: nil).status == 200)
    }

    @Test func readinessReportsVersionAndCounts() throws {
        let response = SeedAPI.get("/readyz")
        #expect(response.status == 200)
        let dataset = try #require(response.object["dataset"] as? [String: Any])
        #expect(dataset["version"] as? String == SeedAPI.store.version)
        #expect(dataset["claims"] as? Int == 28)
        #expect(dataset["articles"] as? Int == 1)
        #expect(response.header("Cache-Control") == "no-store")
    }

    @Test(arguments: ["/readyz", "/v1/articles", "/v1/claims/c01", "/v1/entities/karachi/claims"])
    func dataRoutesAre503WithoutADataset(path: String) {
        let response = SeedAPI.get(path, store: nil)
        #expect(response.status == 503)
        #expect(response.object["type"] as? String == "urn:attributed:problem:not-ready")
        #expect(response.header("Content-Type") == "application/problem+json")
    }

    @Test func specificationIsTheRepositoryFile() throws {
        let response = SeedAPI.get("/openapi.yaml")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/yaml")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try Data(contentsOf: root.appendingPathComponent("openapi.yaml"))
        #expect(response.bodyBytes == [UInt8](file))
    }

    /// openapi.yaml and the router must list the same paths, so the contract cannot drift from the code.
    @Test func everyRouteIsInTheSpecificationAndBack() throws {
        let yaml = String(decoding: SeedAPI.get("/openapi.yaml").bodyBytes, as: UTF8.self)
        var inPaths = false
        var specified: Set<String> = []
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            if inPaths, let first = line.first, first != " ", first != "#" { inPaths = false }
            if inPaths, line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                specified.insert(String(line.dropFirst(2).dropLast()))
            }
        }
        let routed = Set(Router.attributed.routes.map(\.pattern.description))
        #expect(!specified.isEmpty)
        #expect(routed.subtracting(specified).isEmpty, "routed but not in openapi.yaml")
        #expect(specified.subtracting(routed).isEmpty, "in openapi.yaml but not routed")
    }

    @Test(arguments: ["", "*", "/v1", "/explore", "/explore/articles/", "/explore//", "/explore/assets/other.js", "/v1/claims/", "//v1/claims", "/v1//claims", "/v1/claims/c01/", "/v1/claims/c01/x",
                      "/v1/claims/a/b", "/V1/claims", "/v1/claims/c01%00x", "/v1/claims/..", "/../etc/passwd",
                      "/v1/claims/c01/provenance/x", "/v1/claims/c01/provenance/x/y/z", "/v1/claims/c01/provenance/", "/v1/claimsx", "/v1/claim"])
    func unknownPathsAre404Problems(path: String) {
        let response = SeedAPI.get(path)
        #expect(response.status == 404)
        #expect(response.object["type"] as? String == "urn:attributed:problem:not-found")
        #expect(response.object["instance"] as? String == path)
        #expect(response.header("Access-Control-Allow-Origin") == "*")
    }

    @Test func absoluteFormTargetsAreAccepted() {
        #expect(SeedAPI.get("http://news.example/v1/claims/c01").status == 200)
        #expect(SeedAPI.get("HTTPS://news.example:8443/healthz").status == 200)
        #expect(SeedAPI.get("http://news.example").status == 200)  // "/": the index
        #expect(SeedAPI.get("ftp://news.example/healthz").status == 404)
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH", "get", "FOO"])
    func otherMethodsAre405WithAllow(method: String) {
        let response = SeedAPI.get("/v1/claims", method: method)
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(response.object["status"] as? Int == 405)
    }

    @Test func headIsAnsweredLikeGet() {
        let get = SeedAPI.get("/v1/claims/c01")
        let head = SeedAPI.get("/v1/claims/c01", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.headers == get.headers)
        #expect(head.bodyBytes == get.bodyBytes)  // the server drops the body; the representation is the same
    }

    @Test func preflightIs204ForKnownRoutesOnly() {
        let preflight = SeedAPI.get("/v1/claims/c01/provenance", method: "OPTIONS")
        #expect(preflight.status == 204)
        #expect(preflight.header("Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS")
        #expect(preflight.header("Access-Control-Allow-Headers") == "Accept, If-None-Match, Prefer")
        #expect(SeedAPI.get("*", method: "OPTIONS").status == 204)
        #expect(SeedAPI.get("/nope", method: "OPTIONS").status == 404)
    }

    @Test func everySuccessHasCORSAndStrongETag() {
        for path in ["/", "/healthz", "/readyz", "/openapi.yaml", "/v1/articles", "/v1/articles/is-emerging-in-karachi",
                     "/v1/articles/is-emerging-in-karachi/claims", "/v1/articles/is-emerging-in-karachi/indicators", "/v1/claims",
                     "/v1/claims/c01", "/v1/claims/c01/provenance", "/v1/entities", "/v1/entities/karachi",
                     "/v1/entities/karachi/claims", "/v1/indicators", "/explore/", "/explore/articles/is-emerging-in-karachi",
                     "/explore/claims/c01", "/explore/entities/karachi", "/explore/assets/explorer.css", "/explore/assets/explorer.js"] {
            let response = SeedAPI.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.header("ETag")?.hasPrefix("\"") == true, "\(path)")
            #expect(response.header("Access-Control-Allow-Origin") == "*", "\(path)")
            #expect(response.header("Access-Control-Expose-Headers") == "ETag, Link", "\(path)")
            #expect(response.header("Cache-Control") != nil, "\(path)")
        }
    }

    /// `/`: browsers to the explorer, everything else to the index; `Vary: Accept` either way.
    @Test(arguments: [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", true),  // Chromium
        ("text/html", true),
        ("application/json;q=0.5, text/html", true),
        (nil, false),
        ("*/*", false),
        ("application/json", false),
        ("application/json, text/html", false),  // a tie: JSON
        ("text/html;q=0", false),
        ("text/*, application/json;q=0.9", true),
        ("TEXT/HTML; Q=1", true),
        ("text/html;q=nonsense, application/json;q=0.5", true),
    ] as [(String?, Bool)])
    func rootSendsBrowsersToTheExplorer(accept: String?, browser: Bool) throws {
        var request = SeedAPI.request("/")
        request.accept = accept
        let response = SeedAPI.api.respond(to: request, store: SeedAPI.store)
        #expect(response.header("Vary") == "Accept")
        if browser {
            #expect(response.status == 303)
            #expect(response.header("Location") == "/explore/")
            #expect(response.bodyBytes.isEmpty)
        } else {
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json")
            let links = try #require(response.object["links"] as? [String: String])
            for (name, path) in links { #expect(SeedAPI.get(path).status == 200, "\(name): \(path)") }
            #expect(Set(links.values) == ["/v1/articles", "/v1/claims", "/v1/entities", "/v1/indicators", "/openapi.yaml",
                                          "/healthz", "/readyz", "/metrics", "/explore/"])
        }
    }

    @Test func theIndexAnswersWithoutADatasetAndRevalidatesWithVary() throws {
        let index = SeedAPI.get("/", store: nil)
        #expect(index.status == 200)
        let revalidated = SeedAPI.get("/", ifNoneMatch: try #require(index.header("ETag")))
        #expect(revalidated.status == 304)
        #expect(revalidated.header("Vary") == "Accept")
    }
}
