@testable import AttributedCore
import Foundation
import Testing

/// The write routes through `API.respond`, as the server calls it: authentication, methods, media types,
/// preconditions, and what a write answers.
@Suite struct WriteRouteTests {
    final class Fixture: @unchecked Sendable {
        let api: API
        let harness: WriterHarness
        let writeSecret: String
        let readSecret: String
        let deskSecret: String

        init(isPrivate: Bool = false, maxBody: Int = AccessControl.defaultMaxBody) throws {
            var file = TokenFile()
            writeSecret = try file.create(name: "editor", scope: .write, publishers: nil, now: Date())
            readSecret = try file.create(name: "reader", scope: .read, publishers: nil, now: Date())
            deskSecret = try file.create(name: "other-desk", scope: .write, publishers: ["someone-else"], now: Date())
            api = API(openAPISpecification: BundledResources.openAPISpecification(),
                      access: AccessControl(tokens: TokenRegistry(file), isPrivate: isPrivate, maxBody: maxBody,
                                            throttle: AuthenticationThrottle(maxFailures: 3)))
            harness = try WriterHarness()
            api.attach(harness.writer)
        }

        func send(_ method: String, _ path: String, body: [UInt8]? = nil, secret: String? = nil,
                  contentType: String? = "application/json", ifMatch: String? = nil, ifNoneMatch: String? = nil,
                  client: String = "127.0.0.1") -> Response {
            var request = SeedAPI.request(path, method: method, ifNoneMatch: ifNoneMatch)
            request.body = body
            request.contentType = body == nil ? nil : contentType
            request.ifMatch = ifMatch
            request.authorization = secret.map { "Bearer \($0)" }
            request.clientAddress = client
            return api.respond(to: request, store: harness.writer.store)
        }
    }

    @Test func aReadOnlyServerAnswersWritesWith405() {
        let response = SeedAPI.get("/v1/articles/x", method: "PUT")
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(SeedAPI.api.allows(method: "PUT") == false)
    }

    @Test func putCreatesThenGetServesItAtOnce() throws {
        let fixture = try Fixture()
        let created = fixture.send("PUT", "/v1/articles/moss-pike", body: WriteFixtures.article(), secret: fixture.writeSecret)
        #expect(created.status == 201)
        #expect(created.header("Location") == "/v1/articles/moss-pike")
        let etag = try #require(created.header("ETag"))
        let read = fixture.send("GET", "/v1/articles/moss-pike")
        #expect(read.status == 200)
        #expect(read.header("ETag") == etag)
        #expect(fixture.send("GET", "/v1/claims/mp01").status == 200)
        #expect(fixture.send("GET", "/v1/claims?q=yolanda").itemIds == ["mp01"])
        #expect(fixture.send("GET", "/v1/entities/xavier-moss").status == 200)
        #expect(fixture.api.access?.tokenName(forAuthorization: "Bearer \(fixture.writeSecret)") == "editor")
        #expect(fixture.api.access?.tokenName(forAuthorization: "Bearer atd_unknown") == nil)
        // The body is the canonical form of what was stored.
        #expect(String(decoding: created.bodyBytes, as: UTF8.self).contains("\"start\": 30"))
        // Replacing: 428 without If-Match, 200 with the ETag the PUT gave.
        let again = WriteFixtures.article(headline: "Corrected", withEntities: false)
        #expect(fixture.send("PUT", "/v1/articles/moss-pike", body: again, secret: fixture.writeSecret).status == 428)
        let replaced = fixture.send("PUT", "/v1/articles/moss-pike", body: again, secret: fixture.writeSecret, ifMatch: etag)
        #expect(replaced.status == 200)
        #expect(replaced.header("ETag") != etag)
        #expect(fixture.send("GET", "/v1/articles/moss-pike").object["headline"] as? String == "Corrected")
        let deleted = fixture.send("DELETE", "/v1/articles/moss-pike", secret: fixture.writeSecret, ifMatch: replaced.header("ETag"))
        #expect(deleted.status == 204)
        #expect(fixture.send("GET", "/v1/articles/moss-pike").status == 404)
        #expect(fixture.send("GET", "/v1/claims/mp01").status == 404)
    }

    @Test func authenticationAndScopes() throws {
        let fixture = try Fixture()
        let body = WriteFixtures.article()
        let anonymous = fixture.send("PUT", "/v1/articles/moss-pike", body: body)
        #expect(anonymous.status == 401)
        #expect(anonymous.header("WWW-Authenticate") == "Bearer realm=\"attributed\"")
        let wrong = fixture.send("PUT", "/v1/articles/moss-pike", body: body, secret: "atd_nope", client: "10.0.0.9")
        #expect(wrong.status == 401)
        #expect(wrong.header("WWW-Authenticate")?.contains("invalid_token") == true)
        #expect(fixture.send("PUT", "/v1/articles/moss-pike", body: body, secret: fixture.readSecret).status == 403)
        #expect(fixture.send("PUT", "/v1/articles/moss-pike", body: body, secret: fixture.deskSecret).status == 403)
        // A public server still serves reads without a token.
        #expect(fixture.send("GET", "/v1/claims").status == 200)
    }

    @Test func repeatedFailuresFromOneAddressAreThrottled() throws {
        let fixture = try Fixture()
        for _ in 0..<3 {
            #expect(fixture.send("GET", "/v1/claims", secret: "atd_wrong", client: "192.0.2.1").status == 401)
        }
        let throttled = fixture.send("GET", "/v1/claims", secret: fixture.writeSecret, client: "192.0.2.1")
        #expect(throttled.status == 429)
        #expect(Int(throttled.header("Retry-After") ?? "") ?? 0 >= 1)
        // Another address is not affected.
        #expect(fixture.send("GET", "/v1/claims", secret: fixture.writeSecret, client: "192.0.2.2").status == 200)
    }

    @Test func privateServerNeedsATokenForDataButNotForProbes() throws {
        let fixture = try Fixture(isPrivate: true)
        #expect(fixture.send("GET", "/v1/claims").status == 401)
        #expect(fixture.send("GET", "/explore/").status == 401)
        #expect(fixture.send("GET", "/v1/claims", secret: fixture.readSecret).status == 200)
        #expect(fixture.send("GET", "/healthz").status == 200)
        #expect(fixture.send("GET", "/readyz").status == 200)
        #expect(fixture.send("GET", "/metrics").status == 200)
    }

    @Test func mediaTypeMalformedBodyAndSize() throws {
        let fixture = try Fixture(maxBody: 64)
        let body = WriteFixtures.article()
        #expect(fixture.send("PUT", "/v1/articles/moss-pike", body: body, secret: fixture.writeSecret).status == 413)
        let small = try Fixture()
        #expect(small.send("PUT", "/v1/articles/moss-pike", body: body, secret: small.writeSecret, contentType: "text/plain").status == 415)
        #expect(small.send("PUT", "/v1/articles/moss-pike", body: body, secret: small.writeSecret,
                           contentType: "application/json; charset=utf-8").status == 201)
        let malformed = small.send("PUT", "/v1/articles/x", body: Array("{\"articles\": [".utf8), secret: small.writeSecret)
        #expect(malformed.status == 400)
        #expect(malformed.object["type"] as? String == "urn:attributed:problem:malformed-body")
        let invalid = small.send("PUT", "/v1/articles/y", body: WriteFixtures.article(id: "y", words: "absent words", withEntities: false),
                                 secret: small.writeSecret)
        #expect(invalid.status == 422)
        let errors = invalid.object["errors"] as? [[String: Any]] ?? []
        #expect(errors.count >= 2)  // the quote that is not in the body and the publisher that is unknown... every one at once
        #expect(errors.allSatisfy { $0["message"] is String })
    }

    @Test func methodsOnRoutesWithoutWritesAre405WithTheirAllow() throws {
        let fixture = try Fixture()
        let response = fixture.send("PUT", "/v1/claims/c09", body: [], secret: fixture.writeSecret)
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(fixture.send("POST", "/v1/articles/x", body: [], secret: fixture.writeSecret).header("Allow")
                == "GET, HEAD, OPTIONS, DELETE, PUT")
        let preflight = fixture.send("OPTIONS", "/v1/articles/x")
        #expect(preflight.status == 204)
        #expect(preflight.header("Access-Control-Allow-Headers")?.contains("Authorization") == true)
        #expect(preflight.header("Access-Control-Allow-Methods")?.contains("PUT") == true)
    }

    @Test func writeMetricsAreReported() throws {
        let fixture = try Fixture()
        _ = fixture.send("PUT", "/v1/articles/moss-pike", body: WriteFixtures.article(), secret: fixture.writeSecret)
        _ = fixture.send("PUT", "/v1/articles/moss-pike", body: WriteFixtures.article(), secret: fixture.writeSecret)  // 428
        let metrics = String(decoding: fixture.send("GET", "/metrics").bodyBytes, as: UTF8.self)
        #expect(metrics.contains("attributed_writes_total{operation=\"put_article\",code=\"201\"} 1"))
        #expect(metrics.contains("attributed_writes_total{operation=\"put_article\",code=\"428\"} 1"))
        #expect(metrics.contains("attributed_journal_entries 1"))
        #expect(metrics.contains("attributed_journal_append_duration_seconds_count 1"))
    }
}
