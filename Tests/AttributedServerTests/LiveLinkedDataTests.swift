import AttributedCore
import Foundation
import Testing

/// The JSON-LD formats over the real daemon: what only the wire shows (repeated `Link` headers, `Prefer` read
/// from the request, and the response cache keeping each representation of a resource apart).
@Suite struct LiveLinkedDataTests {
    static let anno = #"application/ld+json; profile="http://www.w3.org/ns/anno.jsonld""#
    static let container = "/v1/articles/is-emerging-in-karachi/annotations"

    static func links(_ reply: RawHTTPClient.Reply) -> [String] {
        reply.headers.filter { $0.0.lowercased() == "link" }.map(\.1)
    }

    /// Hot resources are kept as finished responses by kind and ordinal: a claim's three representations, asked
    /// in turn until all are cached, each keep their own bytes, type, tag and links. The neighbours' are there too:
    /// had the kinds outgrown the key's bits, c09's schema.org claim would be c10's JSON, and the article's
    /// `NewsArticle` c02's chain.
    @Test func eachRepresentationOfAClaimIsCachedApart() throws {
        let live = try LiveServer()
        let client = try live.client()
        let targets = ["/v1/claims/c09", "/v1/claims/c09?format=jsonld", "/v1/claims/c09?format=annotation", "/v1/claims/c10",
                       "/v1/claims/c02/provenance", "/v1/articles/is-emerging-in-karachi",
                       "/v1/articles/is-emerging-in-karachi?format=jsonld"]
        for attempt in 1...4 {
            for target in targets {
                let expected = LiveServer.api.respond(to: SeedRequest.parse(target), store: LiveServer.seed)
                let reply = try client.request("GET", target)
                #expect(reply.status == 200)
                #expect(reply.body.elementsEqual(expected.bodyBytes), "\(target), request \(attempt)")
                #expect(reply.header("Content-Type") == expected.header("Content-Type"), "\(target)")
                #expect(reply.header("ETag") == expected.header("ETag"), "\(target)")
                #expect(Self.links(reply) == expected.sentHeaders.filter { $0.name == "Link" }.map(\.value), "\(target)")
            }
        }
    }

    @Test func acceptWithTheAnnoProfileGetsTheAnnotationAndPlainLDTheSchemaOrgClaim() throws {
        let live = try LiveServer()
        let client = try live.client()
        let annotation = try client.request("GET", "/v1/claims/c15", headers: ["Accept: \(Self.anno)"])
        #expect(annotation.status == 200)
        #expect(annotation.header("Content-Type") == Self.anno)
        #expect(annotation.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(Self.links(annotation).first == "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"")
        #expect(annotation.text.hasPrefix(#"{"@context":"http://www.w3.org/ns/anno.jsonld","id":"/v1/claims/c15","type":"Annotation""#))
        let schema = try client.request("GET", "/v1/claims/c15", headers: ["Accept: application/ld+json"])
        #expect(schema.header("Content-Type") == "application/ld+json")
        #expect(schema.text.contains(#""@type":"Claim""#))
        let refused = try client.request("GET", "/v1/claims/c15", headers: [#"Accept: application/ld+json;profile="urn:x""#])
        #expect(refused.status == 406)
        #expect(refused.text.contains(#""format":"annotation""#))
        let tag = try #require(annotation.header("ETag"))
        #expect(try client.request("GET", "/v1/claims/c15", headers: ["Accept: \(Self.anno)", "If-None-Match: \(tag)"]).status == 304)
    }

    @Test func theContainersHeadersAndPreferOverTheWire() throws {
        let live = try LiveServer()
        let client = try live.client()
        let reply = try client.request("GET", Self.container + "?limit=10", headers: [
            #"Prefer: return=representation; include="http://www.w3.org/ns/ldp#PreferMinimalContainer http://www.w3.org/ns/oa#PreferContainedIRIs""#,
        ])
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == Self.anno)
        #expect(Self.links(reply) == ["<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"",
                                      "<http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\""])
        #expect(reply.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(reply.header("Vary") == "Accept, Prefer, Accept-Encoding")
        #expect(reply.header("Preference-Applied") == "return=representation")
        #expect(reply.header("Content-Location") == Self.container + "?iris=1")
        #expect(reply.text.contains(#""first":"/v1/articles/is-emerging-in-karachi/annotations?iris=1&limit=10&page=1""#))
        let head = try client.request("HEAD", Self.container + "?limit=10")
        #expect(head.status == 200)
        #expect(head.header("Preference-Applied") == nil)
        let page = try client.request("GET", Self.container + "?iris=1&limit=10&page=1&cursor=YzIw")
        #expect(page.text.contains(#""startIndex":20"#))
        #expect(Self.links(page).isEmpty)
        #expect(try client.request("GET", Self.container, headers: ["Accept: application/json"]).status == 406)
        let preflight = try client.request("OPTIONS", Self.container)
        #expect(preflight.header("Access-Control-Allow-Headers") == "Accept, If-None-Match, Prefer")
    }
}
