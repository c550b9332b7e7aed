@testable import AttributedCore
import Testing

/// RFC 9110 §12.5.1 as `ContentNegotiation.best` reads it, over two formats of different types (the routes' own
/// formats are all `application/json`, so `Accept` alone never tells them apart).
@Suite struct ContentNegotiationTests {
    static let html = Format(name: "html", type: "text", subtype: "html", contentType: "text/html")
    static let offers = [Format.json, html]

    @Test(arguments: [
        (nil, "json"), ("*/*", "json"), ("", "json"),
        ("text/html, application/json;q=0.5", "html"),
        // Equal q: the route's order, its default first.
        ("application/json;q=0.5, text/html;q=0.5", "json"),
        // Equal q, the more specific range wins: text/html (exact) over application/* (a type's every subtype).
        ("application/*;q=0.9, text/html;q=0.9", "html"),
        // The most specific range that matches a type decides its q: application/json;q=0 excludes it, whatever */* says.
        ("application/json;q=0, */*;q=0.3", "html"),
        ("text/*", "html"),
        ("TEXT/HTML;Q=0.2, application/json;q=0.1", "html"),
        ("application/json; charset=utf-8", "json"),
        ("image/png, */*;q=0.01", "json"),
    ] as [(String?, String)])
    func bestFormat(accept: String?, expected: String) {
        #expect(ContentNegotiation.best(of: Self.offers, accept: accept)?.name == expected)
    }

    @Test(arguments: ["image/png", "application/json;q=0, text/html;q=0", "*/*;q=0", "text/plain, application/xml"])
    func nothingAcceptable(accept: String) {
        #expect(ContentNegotiation.best(of: Self.offers, accept: accept) == nil)
    }

    @Test func browsersStillGetTheExplorer() {
        #expect(ContentNegotiation.prefersHTML("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
        #expect(!ContentNegotiation.prefersHTML("*/*"))
    }
}

/// The JSON-LD formats share a media type and differ by profile (RFC 6906): `Accept`'s `profile` parameter
/// selects the annotation, a plain `application/ld+json` the schema.org document.
@Suite struct ProfileNegotiationTests {
    static let claimOffers = FormatOffer.claim.formats
    static let anno = #"application/ld+json; profile="http://www.w3.org/ns/anno.jsonld""#

    @Test(arguments: [
        (anno, "annotation"),
        (#"application/ld+json;profile="http://www.w3.org/ns/anno.jsonld""#, "annotation"),
        ("application/ld+json;profile=http://www.w3.org/ns/anno.jsonld", "annotation"),
        // Several profiles in one quoted list: one of them is enough.
        (#"application/ld+json; profile="http://example.org/other http://www.w3.org/ns/anno.jsonld""#, "annotation"),
        ("application/ld+json", "jsonld"),
        ("application/*", "json"),  // the route's order breaks the tie: its default
        // q first: the profile's range loses at a lower q.
        (#"application/ld+json;profile="http://www.w3.org/ns/anno.jsonld";q=0.4, application/ld+json;q=0.6"#, "jsonld"),
        (#"application/ld+json;q=0.6, application/ld+json;profile="http://www.w3.org/ns/anno.jsonld";q=0.9"#, "annotation"),
        // At equal q the more specific range wins: the one naming the profile.
        (#"application/ld+json;q=0.5, application/ld+json;profile="http://www.w3.org/ns/anno.jsonld";q=0.5"#, "annotation"),
        (#"application/ld+json;profile="http://www.w3.org/ns/anno.jsonld", application/json;q=0.1"#, "annotation"),
        // A profile no format has matches none of them: the other ranges decide.
        (#"application/ld+json;profile="http://example.org/unknown", application/json;q=0.2"#, "json"),
    ] as [(String, String)])
    func profileSelects(accept: String, expected: String) {
        #expect(ContentNegotiation.best(of: Self.claimOffers, accept: accept)?.name == expected)
    }

    @Test func anUnknownProfileAloneIs406ListingAllThree() throws {
        #expect(ContentNegotiation.best(of: Self.claimOffers, accept: #"application/ld+json;profile="urn:x""#) == nil)
        let response = SeedAPI.get("/v1/claims/c15", accept: #"application/ld+json;profile="urn:x""#)
        #expect(response.status == 406)
        let available = try #require(response.object["available"] as? [[String: String]])
        #expect(available.map { $0["format"] } == ["json", "jsonld", "annotation"])
        #expect(available.last?["mediaType"] == Self.anno)
    }

    @Test func theRoutesChooseByProfile() {
        #expect(SeedAPI.get("/v1/claims/c15", accept: Self.anno).object["type"] as? String == "Annotation")
        #expect(SeedAPI.get("/v1/claims/c15", accept: "application/ld+json").object["@type"] as? String == "Claim")
        #expect(SeedAPI.get("/v1/articles/is-emerging-in-karachi", accept: "application/ld+json").object["@type"] as? String == "NewsArticle")
        // An article offers no annotation: its profile alone is not acceptable.
        #expect(SeedAPI.get("/v1/articles/is-emerging-in-karachi", accept: Self.anno).status == 406)
    }
}
