@testable import AttributedCore
import Foundation
import Testing

/// The explorer's pages, in process: what they show of the seed, their headers, and their errors.
@Suite struct ExplorerPageTests {
    static func text(_ response: Response) -> String { String(decoding: response.bodyBytes, as: UTF8.self) }

    /// `data-claim-id` of every highlight, in document order.
    static func highlightIds(_ html: String) -> [String] {
        html.matches(of: /<mark class="claim anonymity-[a-z_]+" data-claim-id="([^"]*)"/).map { String($0.1) }
    }

    @Test func theSeedArticleHighlightsEveryClaimOnceInItsAnonymityColour() throws {
        let response = SeedAPI.get("/explore/articles/is-emerging-in-karachi")
        #expect(response.status == 200)
        let html = Self.text(response)
        let ids = Self.highlightIds(html)
        #expect(ids == (1...28).map { String(format: "c%02d", $0) })
        for match in html.matches(of: /<mark class="claim anonymity-([a-z_]+)" data-claim-id="([^"]*)"/) {
            let claim = SeedAPI.get("/v1/claims/\(match.2)").object
            #expect(claim["weakestAnonymity"] as? String == String(match.1), "\(match.2)")
        }
        // Every chain is in the page, hidden until selected, and c15's has the letter between the paper and the report.
        #expect(html.matches(of: /<figure class="chain-figure" id="chain-c\d\d" data-claim-id="c\d\d" hidden>/).count == 28)
        let c15 = try #require(html.components(separatedBy: #"id="chain-c15""#).last?.components(separatedBy: "</figure>").first)
        #expect(c15.matches(of: /data-source-id="([^"]+)"/).map { String($0.1) }
            == ["pakistan-today", "cmc-letter-2014-10", "letter-unspecified-reports"])
        // The cues shared by c15–c20, "reads" and "It has been reported that", are marked once for all six.
        #expect(html.contains(#"<span class="cue" data-cue-of="c15 c16 c17 c18 c19 c20">reads</span>"#))
        #expect(html.contains("Sourcing indicators") && html.contains("Legend"))
    }

    @Test func aDiscontinuousQuoteHighlightsItsSegmentsNotTheAttributionBetweenThem() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("AttributedCoreTests/Fixtures/short-form/discontinuous.json").path
        let store = Store(try DatasetLoader.load(path: path))
        let html = Self.text(TestDatasets.get(store, "/explore/articles/plan"))
        let d1 = html.matches(of: /<mark class="claim anonymity-[a-z_]+" data-claim-id="d1"[^>]*>([^<]*)</).map { String($0.1) }
        #expect(d1 == ["The plan,", "will work."], "\(d1)")
    }

    @Test func pagesSendTheirPolicyAndAStrongTagOfTheirBytes() throws {
        for path in ["/explore/", "/explore/?q=khattab", "/explore/articles/is-emerging-in-karachi", "/explore/claims/c09",
                     "/explore/entities/pakistan-today"] {
            let response = SeedAPI.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.header("Content-Security-Policy") == "default-src 'self'")
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            let etag = try #require(response.header("ETag"))
            #expect(etag == ETag.strong(for: response.bodyBytes))
            #expect(SeedAPI.get(path, ifNoneMatch: etag).status == 304)
            // No inline script or style: the policy would block them, and none is needed.
            let html = Self.text(response)
            #expect(html.matches(of: /<script/).count == 1 && html.contains(#"<script src="/explore/assets/explorer.js" defer></script>"#))
            #expect(!html.contains("style=") && !html.contains("<style"))
            #expect(html.firstMatch(of: /<[^>]*\son[a-z]+=/) == nil, "no event handler attribute")
        }
    }

    @Test func stylesheetAndScriptComeFromTheBundleWithTags() throws {
        for (path, type) in [("/explore/assets/explorer.css", "text/css; charset=utf-8"), ("/explore/assets/explorer.js", "text/javascript; charset=utf-8")] {
            let response = SeedAPI.get(path)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == type)
            #expect(response.header("Content-Security-Policy") == "default-src 'self'")
            #expect(response.bodyBytes.count > 1000, "\(path) is the real file")
            #expect(SeedAPI.get(path, ifNoneMatch: try #require(response.header("ETag"))).status == 304)
            #expect(SeedAPI.get(path, store: nil).status == 200)  // needs no dataset
        }
    }

    @Test func theClaimPageShowsTheChainWithoutScript() {
        let html = Self.text(SeedAPI.get("/explore/claims/c09"))
        #expect(html.matches(of: /<g class="chain-link anonymity-([a-z_]+)" data-position="(\d)" data-source-id="([^"]+)"/)
            .map { "\($0.2) \($0.3) \($0.1)" }
            == ["0 pakistan-today named", "1 pakistan-today-sources anonymous", "2 sources-unspecified-informants unspecified"])
        // Its span, and its cues ("claimed" comes after the quotation), in the article's words.
        #expect(Self.highlightIds(html) == ["c09"])
        #expect(html.contains(#"<span class="cue" data-cue-of="c09">claimed</span>"#))
        #expect(html.contains(#"<span class="cue" data-cue-of="c09">We received reports that</span>"#))
        #expect(html.contains(#"<table class="chain-table">"#))
    }

    @Test func theHomePageListsArticlesAndSearchesClaims() {
        let home = Self.text(SeedAPI.get("/explore/"))
        #expect(home.contains(#"<a href="/explore/articles/is-emerging-in-karachi">IS emerging in Karachi?</a>"#))
        #expect(home.contains("28 claims · 7 with a named origin · 8 sources, 4 unnamed (0 with a reason) · 11 second-hand · 2 hedged · 5 corroborated"))
        // The API's `q`, ranked: the same order as /v1/claims?q=sohrab+goth&sort=relevance.
        let search = Self.text(SeedAPI.get("/explore/?q=sohrab+goth"))
        let listed = search.matches(of: /<p class="claim-text"><a href="\/explore\/claims\/(c\d\d)">/).map { String($0.1) }
        #expect(listed == SeedAPI.get("/v1/claims?q=sohrab+goth&sort=relevance").itemIds)
        #expect(listed.count == 4)
        // An empty search box lists the articles, as the home page does.
        #expect(Self.text(SeedAPI.get("/explore/?q=")) == home)
    }

    @Test func longListsArePagedWithTheListsCursor() throws {
        let store = try SearchCorpus.store((0..<60).map { ("Sentence number \($0) about the plan.", "mayor") },
                                           people: [SearchCorpus.Person(id: "mayor", name: "Ana Mayor")])
        var target = "/explore/entities/mayor"
        var seen: [String] = []
        for _ in 0..<3 {
            let html = Self.text(TestDatasets.get(store, target))
            seen += html.matches(of: /<p class="claim-text"><a href="\/explore\/claims\/(c\d+)">/).map { String($0.1) }
            guard let next = html.firstMatch(of: /<a href="([^"]+)" rel="next">/) else { break }
            target = String(next.1).replacingOccurrences(of: "&amp;", with: "&")
        }
        #expect(seen == (0..<60).map { String(format: "c%04d", $0) })
    }

    @Test func errorsArePagesWithTheirStatus() {
        for (path, status) in [("/explore/articles/nothing", 404), ("/explore/claims/c99", 404), ("/explore/entities/nobody", 404),
                               ("/explore/?cursor=!!", 400), ("/explore/?colour=red", 400), ("/explore/claims/c01?x=1", 400)] {
            let response = SeedAPI.get(path)
            #expect(response.status == status, "\(path)")
            #expect(response.header("Content-Type") == "text/html; charset=utf-8", "\(path)")
            #expect(response.header("Cache-Control") == "no-store")
            #expect(response.header("Content-Security-Policy") == "default-src 'self'")
            #expect(Self.text(response).contains("<h1>\(status) "))
        }
        let notReady = SeedAPI.get("/explore/articles/is-emerging-in-karachi", store: nil)
        #expect(notReady.status == 503)
        #expect(Self.text(notReady).contains("no dataset is loaded yet"))
    }
}
