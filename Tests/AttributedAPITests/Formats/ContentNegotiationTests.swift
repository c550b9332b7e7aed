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
