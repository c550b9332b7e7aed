@testable import AttributedCore
import Foundation
import Testing

/// Tests/Datasets/hostile-strings.json puts markup and script in the headline, summary, body, entity names,
/// descriptors, aliases, reasons and cues: every page must show them as text.
@Suite struct EscapingTests {
    static let pages = ["/explore/", "/explore/articles/hostile", "/explore/claims/x1", "/explore/claims/x2", "/explore/claims/x3",
                        "/explore/claims/x4", "/explore/claims/x5", "/explore/entities/gazette", "/explore/entities/officials",
                        "/explore/entities/spokesman", "/explore/entities/report", "/explore/?q=script"]

    @Test(arguments: pages)
    func hostileStringsRenderAsText(path: String) {
        let response = TestDatasets.get(TestDatasets.hostileStrings, path)
        #expect(response.status == 200)
        let html = String(decoding: response.bodyBytes, as: UTF8.self)
        // The page's own script tag is the only one; no element the data could have opened.
        #expect(html.matches(of: /<script/).count == 1)
        #expect(!html.contains("<img") && !html.contains("<svg onload") && !html.contains("</textarea>") && !html.contains("</svg><svg"))
        // Every tag's attributes are the page's own: none gained an event handler, none lost its quotes.
        for tag in html.matches(of: /<[a-zA-Z][^>]*>/) {
            #expect(!tag.0.contains("onerror") && !tag.0.contains("onload") && !tag.0.contains("onmouseover"), "\(tag.0)")
        }
        #expect(!html.contains(#"href="javascript"#) && !html.contains("href='javascript"))
    }

    @Test func theArticleShowsEveryHostileStringEscaped() {
        let html = String(decoding: TestDatasets.get(TestDatasets.hostileStrings, "/explore/articles/hostile").bodyBytes, as: UTF8.self)
        for escaped in ["&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;",
                        "&lt;/textarea&gt;&lt;script&gt;alert(3)&lt;/script&gt;", "javascript:alert(4)",
                        "&#39; onmouseover=&#39;alert(5)&#39; x=&#39;", "&lt;/svg&gt;&lt;svg onload=alert(6)&gt;"] {
            #expect(html.contains(escaped), "\(escaped)")
        }
        // The cue that is a script tag is marked as a cue, as text.
        #expect(html.contains(#"<span class="cue" data-cue-of="x1">&lt;script&gt;alert(1)&lt;/script&gt;</span>"#))
        // Its article URL is an http(s) link, its query escaped in the attribute.
        #expect(html.contains(#"href="https://example.org/a?x=%22%3E%3Cscript%3Ealert(7)%3C/script%3E&amp;y=1""#))
    }
}
