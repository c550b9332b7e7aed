@testable import AttributedCore
import Foundation
import Testing

/// `q` over the inverted index: folding, prefixes, the sources' names, relevance, and paging in both orders.
@Suite struct SearchTests {
    static let people = [
        SearchCorpus.Person(id: "nunez", name: "María Núñez", aliases: ["Núñez"]),
        SearchCorpus.Person(id: "khattab", name: "Raja Umar Khattab", descriptor: "a CTD official"),
        SearchCorpus.Person(id: "sheikh", name: "Ahmed Sheikh"),
    ]
    static let store = try! SearchCorpus.store([
        ("The raid began at dawn.", "nunez"),                           // c0000
        ("IS is emerging in Karachi, the official warned.", "khattab"), // c0001
        ("Officers met al ama leaders twice.", "sheikh"),               // c0002
        ("The raid, the second raid, was planned.", "sheikh"),          // c0003
        ("Police denied the raid story.", "khattab"),                   // c0004
        ("Nothing about raids here: only a dawn patrol.", "nunez"),     // c0005
    ], people: people)

    func ids(_ target: String) -> [String] { SearchCorpus.api(Self.store, target).itemIds }

    @Test func foldingIgnoresCaseDiacriticsAndPunctuation() {
        #expect(ids("/v1/claims?q=nunez") == ["c0000", "c0005"])  // the source's name, "Núñez"
        #expect(ids("/v1/claims?q=N%C3%9A%C3%91EZ") == ["c0000", "c0005"])  // "NÚÑEZ"
        #expect(ids("/v1/claims?q=Al-Ama") == ["c0002"])  // punctuation separates words: "al ama"
        #expect(ids("/v1/claims?q=AL+AMA") == ["c0002"])
        #expect(ids("/v1/claims?q=%21%21%21").isEmpty)  // no word at all matches nothing
    }

    @Test func everyQueryWordMatchesTheWordsItBegins() {
        #expect(ids("/v1/claims?q=kh") == ["c0001", "c0004"])  // Khattab, not Sheikh
        #expect(ids("/v1/claims?q=raid") == ["c0000", "c0003", "c0004", "c0005"])  // "raids" too
        #expect(ids("/v1/claims?q=raid+dawn") == ["c0000", "c0005"])  // every word must match
        #expect(ids("/v1/claims?q=zzzz").isEmpty)
    }

    @Test func sourcesAreSearchedByNameAliasAndDescriptor() {
        #expect(ids("/v1/claims?q=khattab+emerging") == ["c0001"])
        #expect(ids("/v1/claims?q=ctd+official") == ["c0001", "c0004"])
        #expect(ids("/v1/entities?q=nunez") == ["nunez"])
        #expect(ids("/v1/entities?q=ctd") == ["khattab"])
    }

    @Test func relevanceRanksByBM25ThenId() {
        let ranked = ids("/v1/claims?q=raid&sort=relevance")
        #expect(Set(ranked) == ["c0000", "c0003", "c0004", "c0005"])
        #expect(ranked.first == "c0003")  // "raid" twice
        #expect(ranked.last == "c0005")  // only "raids", in the longest text
        #expect(ids("/v1/claims?q=raid&sort=id") == ["c0000", "c0003", "c0004", "c0005"])
    }

    @Test func withoutAQueryRelevanceOrderIsIdOrder() {
        let byRelevance = SearchCorpus.api(Self.store, "/v1/claims?sort=relevance&limit=2")
        let byId = SearchCorpus.api(Self.store, "/v1/claims?limit=2")
        #expect(byRelevance.status == 200)
        #expect(byRelevance.itemIds == ["c0000", "c0001"])
        #expect(byRelevance.object["next"] as? String == byId.object["next"] as? String)
    }

    @Test func pagingUnderRelevanceIsExactWithTies() throws {
        // Every claim of this corpus mentions "the"-less words; "gazette" is on every chain, so all six tie or not.
        for query in ["gazette", "raid", "the"] {
            let all = ids("/v1/claims?q=\(query)&sort=relevance&limit=500")
            var paged: [String] = []
            var target = "/v1/claims?q=\(query)&sort=relevance&limit=1"
            for _ in 0..<20 {
                let response = SearchCorpus.api(Self.store, target)
                paged += response.itemIds
                guard let next = response.object["next"] as? String else { break }
                target = "/v1/claims?q=\(query)&sort=relevance&limit=1&cursor=\(next)"
            }
            #expect(paged == all, "\(query)")
            #expect(Set(paged).count == paged.count)
        }
    }

    @Test func aCursorOfTheOtherOrderStartsAtTheFirstItem() throws {
        let idCursor = try #require(SearchCorpus.api(Self.store, "/v1/claims?q=raid&limit=1").object["next"] as? String)
        #expect(ids("/v1/claims?q=raid&sort=relevance&limit=1&cursor=\(idCursor)") == ids("/v1/claims?q=raid&sort=relevance&limit=1"))
        let rankCursor = try #require(SearchCorpus.api(Self.store, "/v1/claims?q=raid&sort=relevance&limit=1").object["next"] as? String)
        #expect(ids("/v1/claims?q=raid&limit=1&cursor=\(rankCursor)") == ["c0000"])
    }
}

/// Repeated words and words that begin another word of the query add nothing: dropping them keeps every result,
/// and keeps the words' term ranges disjoint, so a long `q` cannot expand the dictionary more than once.
@Suite struct EssentialWordsTests {
    @Test func repeatsAndImpliedPrefixesAreDropped() {
        #expect(SearchQuery.essentialWords(["plan", "plan"]) == ["plan"])
        #expect(SearchQuery.essentialWords(["kh", "khattab", "k"]) == ["khattab"])
        #expect(SearchQuery.essentialWords(["raid", "dawn", "ra"]) == ["raid", "dawn"])
        #expect(SearchQuery.essentialWords(["a", "b"]) == ["a", "b"])
        #expect(SearchQuery.essentialWords([]) == [])
    }

    @Test func theResultsAreTheSame() {
        let store = SearchTests.store
        let ids = { (target: String) in SearchCorpus.api(store, target).itemIds }
        #expect(ids("/v1/claims?q=raid+ra+r+raid") == ids("/v1/claims?q=raid"))
        #expect(ids("/v1/claims?q=k+kh+khattab") == ["c0001", "c0004"])
    }
}
