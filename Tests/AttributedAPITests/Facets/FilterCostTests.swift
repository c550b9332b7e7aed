@testable import AttributedCore
import Foundation
import Testing

/// The new filters are posting lists (dates: a union of a range's day, month and year lists), joined like the
/// others: a page costs the page, whatever page it is, and facets cost the matches.
@Suite struct FilterCostTests {
    /// `articles` articles of `perArticle` claims, article `i` published by `p(i % 4)` on day `i` from 2020-01-01.
    static func store(articles: Int, perArticle: Int) throws -> Store {
        var entities: [[String: Any]] = (0..<4).map { publisher in
            ["id": "p\(publisher)", "kind": "publication", "name": "Paper \(publisher)", "descriptor": NSNull(), "aliases": [],
             "anonymity": "named", "anonymityReason": NSNull(), "affiliation": NSNull(), "roles": []]
        }
        entities.append(["id": "aide", "kind": "person", "name": NSNull(), "descriptor": "an aide", "aliases": [],
                         "anonymity": "anonymous", "anonymityReason": NSNull(), "affiliation": NSNull(), "roles": []])
        var records: [[String: Any]] = []
        var claims: [[String: Any]] = []
        let start = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: 2020, month: 1, day: 1))!
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        for article in 0..<articles {
            let id = String(format: "a%05d", article)
            let sentences = (0..<perArticle).map { "Claim \($0) of \(id) was made." }
            let body = sentences.joined(separator: " ")
            records.append(["id": id, "headline": "Story \(article)", "summary": [], "body": body, "publisher": "p\(article % 4)",
                            "authors": [], "byline": NSNull(), "published": format.string(from: start.addingTimeInterval(Double(article) * 86_400)),
                            "url": NSNull(), "language": "en"])
            var offset = 0
            for (index, sentence) in sentences.enumerated() {
                claims.append(["id": "\(id)-\(index)", "article": id,
                               "span": ["field": "body", "start": offset, "end": offset + sentence.count, "exact": sentence],
                               "text": sentence, "about": [], "proposition": "p",
                               "chain": [["source": "p\(article % 4)", "cue": NSNull(), "mode": "narration", "attributionType": "assertion",
                                          "factuality": "Uu", "recipient": NSNull(), "derivation": NSNull()],
                                         ["source": "aide", "cue": NSNull(), "mode": "indirect_speech", "attributionType": "assertion",
                                          "factuality": "CT+", "recipient": NSNull(), "derivation": "paraphrase"]]])
                offset += sentence.count + 1
            }
        }
        let dataset: [String: Any] = ["format": DatasetLoader.format, "articles": records, "entities": entities, "claims": claims]
        let data = try JSONSerialization.data(withJSONObject: dataset)
        return Store(try DatasetLoader.load(files: [("dated.json", Array(data))]))
    }

    static let dated = try! store(articles: 1_000, perArticle: 3)

    func costs(_ query: String, pages: Int) throws -> [Int] {
        var target = "/v1/claims?\(query)&limit=10"
        var costs: [Int] = []
        for _ in 0..<pages {
            let response = SearchCorpus.api(Self.dated, target)
            #expect(response.status == 200)
            costs.append(try #require(response.examined))
            guard let next = response.object["next"] as? String else { break }
            target = "/v1/claims?\(query)&limit=10&cursor=\(next)"
        }
        return costs
    }

    @Test(arguments: ["published_since=2020-02-10&published_until=2022-03-05",
                      "publisher=p1&publisher=p3&published_since=2020-01-01",
                      "publisher=p2&language=en&origin_kind=person&factuality=CT%2B&derivation=paraphrase&depth=2&origin=aide"])
    func page50CostsWhatPage1Costs(_ query: String) throws {
        let costs = try costs(query, pages: 50)
        #expect(costs.count == 50)
        #expect(costs.allSatisfy { $0 == costs[0] }, "\(costs)")
        #expect(costs[0] <= 11 + 1)
    }

    @Test func aDateRangeIsAFewListsNotADayEach() throws {
        // 2020-02-10 … 2022-03-05: the days of February 2020 and of March 2022, 24 whole months between.
        let lists = Self.dated.corpus.claimDates
        guard case .union(let union) = lists.cursor(since: CalendarDay.parse(fullDate: "2020-02-10"),
                                                    until: CalendarDay.parse(fullDate: "2022-03-05")) else {
            Issue.record("a union")
            return
        }
        #expect(union.members.count == 20 + 24 + 5)
        // Its claims: articles of day 40 to day 794 (2022-03-05 is day 794 from 2020-01-01), three each.
        #expect(union.estimatedCount == (794 - 40 + 1) * 3)
    }

    @Test func facetsCostTheMatches() {
        let response = SearchCorpus.api(Self.dated, "/v1/claims?publisher=p1&published_until=2020-12-31&facet=month&facet=publisher&facet_size=100")
        let matches = (0..<366).filter { $0 % 4 == 1 }.count * 3
        #expect(response.counted == matches)
        #expect(SourcingCorpus.facet(response, .publisher).map(\.1) == [matches])
        #expect(SourcingCorpus.facet(response, .month).map(\.1).reduce(0, +) == matches)
        #expect(SearchCorpus.api(Self.dated, "/v1/claims?facet=month&facet=source").counted == 0)  // counted at load
    }
}
