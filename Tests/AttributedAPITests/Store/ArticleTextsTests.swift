@testable import AttributedCore
import Testing

/// An article's texts are held once, in a buffer of its own, and claims read their quotes from it by address
/// (`FieldTexts`): every field must read back exactly as written, by either road.
@Suite struct ArticleTextsTests {
    static let article = Article(id: "a", headline: "Núñez — “quoted”", summary: ["", "tab\there", "👩🏽‍💻 and NUL \u{0} inside"],
                                 body: "Body\nwith a second line and 🇵🇰.", publisher: "p", authors: [], byline: nil,
                                 published: nil, url: nil, language: "und")

    @Test func everyFieldReadsBackAsWritten() {
        let article = Self.article
        #expect(article.headline == "Núñez — “quoted”")
        #expect(article.body == "Body\nwith a second line and 🇵🇰.")
        #expect(article.summary == ["", "tab\there", "👩🏽‍💻 and NUL \u{0} inside"])
        #expect(article.text(of: .headline, index: nil) == article.headline)
        #expect(article.text(of: .body, index: nil) == article.body)
        #expect(article.text(of: .summary, index: 2) == "👩🏽‍💻 and NUL \u{0} inside")
        #expect(article.text(of: .summary, index: 3) == nil)
        #expect(article.text(of: .summary, index: -1) == nil)
        // A summary span names its bullet; with none named there is no text, not the first bullet.
        #expect(article.text(of: .summary, index: nil) == nil)
        #expect(article.text(of: .headline, index: 5) == article.headline)
    }

    @Test func anArticleWithNoSummaryAndEmptyTextsHasNoBullets() {
        let empty = Article(id: "e", headline: "", summary: [], body: "", publisher: "p", authors: [], byline: nil,
                            published: nil, url: nil, language: "und")
        #expect(empty.headline.isEmpty && empty.body.isEmpty && empty.summary.isEmpty)
        #expect(empty.texts.summaryCount == 0)
        #expect(empty.text(of: .summary, index: 0) == nil)
    }

    @Test func fieldTextsLocateEveryFieldOfEveryArticle() {
        let other = Article(id: "b", headline: "Second", summary: ["one"], body: "Second body", publisher: "p",
                            authors: [], byline: nil, published: nil, url: nil, language: "und")
        let texts = FieldTexts([Self.article, other])
        func read(_ article: Int, _ field: ArticleField, _ index: Int = 0) -> String {
            String(decoding: texts.bytes(article: article, field: field, summaryIndex: index), as: UTF8.self)
        }
        #expect(read(0, .headline) == Self.article.headline)
        #expect(read(0, .body) == Self.article.body)
        #expect((0..<3).map { read(0, .summary, $0) } == Self.article.summary)
        #expect(read(1, .headline) == "Second" && read(1, .body) == "Second body" && read(1, .summary) == "one")
        // A bullet the article lacks is empty, never the next article's headline.
        #expect(read(0, .summary, 3).isEmpty)
        #expect(read(1, .summary, 1).isEmpty)
    }

    /// Every claim of the datasets that have headline, summary and several-segment spans: the field its record
    /// reads by address is its article's text.
    @Test(arguments: ["seed", "discontinuous", "hostile strings"])
    func everyClaimReadsItsOwnArticlesField(_ name: String) {
        let store = switch name {
        case "seed": SeedAPI.store
        case "discontinuous": TestDatasets.discontinuous
        default: TestDatasets.hostileStrings
        }
        let claims = store.claims
        #expect(!claims.isEmpty)
        for record in claims.records {
            let article = claims.articles[Int(record.article)]
            let expected = article.text(of: record.field, index: record.field == .summary ? Int(record.summaryIndex) : nil)
            let read = claims.withFieldText(of: record) { Array($0) }
            #expect(read == Array((expected ?? "").utf8), "\(claims.strings.string(record.id)) \(record.field)")
        }
    }
}
