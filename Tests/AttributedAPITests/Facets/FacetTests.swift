@testable import AttributedCore
import Foundation
import Testing

/// Facets are exact counts over every match, checked against counts made here from the exported JSON.
@Suite struct FacetTests {
    let corpus = SourcingCorpus.shared

    func get(_ target: String) -> Response { TestDatasets.get(SourcingCorpus.store, target) }

    /// Filters as query strings, and the same filter as a predicate over the JSON.
    static let filters: [(query: String, matches: @Sendable (SourcingCorpus.ClaimFacts, SourcingCorpus) -> Bool)] = [
        ("", { _, _ in true }),
        ("publisher=daily", { claim, _ in claim.values[.publisher] == ["daily"] }),
        ("publisher=daily&publisher=herald", { claim, _ in ["daily", "herald"].contains(claim.values[.publisher]![0]) }),
        ("publisher=daily&publisher=no-such-entity", { claim, _ in claim.values[.publisher] == ["daily"] }),
        ("published_since=2025-01-01", { claim, corpus in corpus.articles[claim.article]!.first.map { $0 >= "2025-01-01" } ?? false }),
        ("published_until=2025-06-30", { claim, corpus in corpus.articles[claim.article]!.last.map { $0 <= "2025-06-30" } ?? false }),
        ("published_since=2024-03-15&published_until=2025-02-10", { claim, corpus in
            let article = corpus.articles[claim.article]!
            return article.first.map { $0 >= "2024-03-15" } == true && article.last.map { $0 <= "2025-02-10" } == true
        }),
        ("published_since=2025-01-01&published_until=2025-12-31", { claim, _ in claim.values[.year] == ["2025"] }),
        ("language=fr", { claim, _ in claim.values[.language] == ["fr"] }),
        ("origin_kind=person", { claim, _ in claim.values[.originKind] == ["person"] }),
        ("factuality=CT%2B", { claim, _ in claim.values[.factuality] == ["CT+"] }),
        ("derivation=paraphrase", { claim, _ in claim.derivation == "paraphrase" }),
        ("depth=3", { claim, _ in claim.depth == 3 }),
        ("origin=memo", { claim, _ in claim.origin == "memo" }),
        ("source=aide", { claim, _ in claim.sources.contains("aide") }),
        ("source=aide&source=daily", { claim, _ in claim.sources.contains("aide") && claim.sources.contains("daily") }),
        ("mode=direct_quote&mode=indirect_speech", { claim, _ in
            claim.values[.mode]!.contains("direct_quote") && claim.values[.mode]!.contains("indirect_speech")
        }),
        ("anonymity=anonymous&publisher=weekly&published_since=2024-06-01", { claim, corpus in
            claim.values[.anonymity] == ["anonymous"] && claim.values[.publisher] == ["weekly"]
                && corpus.articles[claim.article]!.first.map { $0 >= "2024-06-01" } == true
        }),
        ("min_depth=2&language=en&factuality=PR%2B&derivation=quotation", { claim, _ in
            claim.depth >= 2 && claim.values[.language] == ["en"] && claim.values[.factuality] == ["PR+"] && claim.derivation == "quotation"
        }),
    ]

    @Test func theDatasetHasEveryCase() {
        // Not a vacuous comparison: the dataset has dates of every precision, and undated articles.
        #expect(corpus.claims.count > 200)
        #expect(corpus.articles.values.contains { $0.year != nil && $0.month == nil })
        #expect(corpus.articles.values.contains { $0.first == nil })
        #expect(Set(corpus.claims.map(\.depth)) == [1, 2, 3])
        for (query, matches) in Self.filters {
            #expect(corpus.claims.contains { matches($0, corpus) }, "\(query) matches something")
            #expect(!corpus.claims.allSatisfy { matches($0, corpus) } || query.isEmpty, "\(query) leaves something out")
        }
    }

    /// Both ways of counting: over the matches at request time, and added up from single filters' lists counted at
    /// load (the second store counts every list at load, the first none at this size).
    @Test(arguments: FacetName.allCases, [false, true]) func everyFacetOverEveryFilterIsExact(_ name: FacetName, _ precounted: Bool) throws {
        let store = precounted ? TestDatasets.sourcingPrecounted : SourcingCorpus.store
        for (query, matches) in Self.filters {
            let expected = SourcingCorpus.expectedFacet(name, over: corpus.claims.filter { matches($0, corpus) })
            let response = TestDatasets.get(store, "/v1/claims?\(query)&facet=\(name.rawValue)&facet_size=100&limit=3")
            #expect(response.status == 200)
            let shown = SourcingCorpus.facet(response, name)
            #expect(shown.map(\.0) == expected.map(\.0), "\(name) over \(query)")
            #expect(shown.map(\.1) == expected.map(\.1), "\(name) over \(query)")
            let facet = try #require((response.object["facets"] as? [String: Any])?[name.rawValue] as? [String: Any])
            #expect(facet["other"] as? Int == 0)
        }
    }

    @Test func theFilteredItemsAreTheOnesTheJSONSays() {
        for (query, matches) in Self.filters {
            let expected = corpus.claims.filter { matches($0, corpus) }.map(\.id)
            #expect(SourcingCorpus.allIds("/v1/claims?\(query)") == expected, "\(query)")
            let export = get("/v1/claims?\(query)&format=ndjson").bodyBytes.split(separator: 0x0A).count
            #expect(export == expected.count, "\(query) as NDJSON")
            // Counting costs the matches, and nothing when unfiltered (counted at load).
            let response = get("/v1/claims?\(query)&facet=anonymity&facet=source")
            #expect(response.counted == (query.isEmpty ? 0 : expected.count), "\(query)")
        }
    }

    /// A query of one filter whose lists were counted at load reads no claim; its facets are the same either way.
    @Test func singleFiltersFacetsAreAddedUpFromCountsMadeAtLoad() {
        let precounted = TestDatasets.sourcingPrecounted
        #expect(precounted.precountedFacets.countedLists > 20)
        #expect(SourcingCorpus.store.precountedFacets.countedLists == 0)
        let single = ["publisher=daily", "publisher=daily&publisher=herald", "published_since=2025-01-01",
                      "published_since=2024-03-15&published_until=2025-02-10", "language=fr", "origin_kind=person",
                      "factuality=CT%2B", "derivation=paraphrase", "depth=3", "origin=memo", "source=aide",
                      "anonymity=anonymous", "mode=direct_quote", "min_depth=2"]
        let facets = "&facet=publisher&facet=anonymity&facet=mode&facet=month&facet=year&facet=depth&facet_size=100"
        for query in single {
            let added = TestDatasets.get(precounted, "/v1/claims?\(query)\(facets)")
            let walked = get("/v1/claims?\(query)\(facets)")
            #expect(added.counted == 0, "\(query)")
            #expect((walked.counted ?? 0) > 0, "\(query)")
            #expect(String(decoding: added.bodyBytes, as: UTF8.self) == String(decoding: walked.bodyBytes, as: UTF8.self), "\(query)")
        }
        // A facet with a value per entity is counted over the matches, whatever was counted at load.
        #expect((TestDatasets.get(precounted, "/v1/claims?publisher=daily&facet=source").counted ?? 0) > 0)
        // A combination of the chain's filters is one list, not counted at load (there are too many): read when asked.
        let combined = "/v1/claims?anonymity=named&mode=indirect_speech\(facets)"
        #expect(TestDatasets.get(precounted, combined).counted == get(combined).counted)
        #expect(TestDatasets.get(precounted, combined).bodyBytes == get(combined).bodyBytes)
        // Two filters are a join, counted over its matches.
        #expect((TestDatasets.get(precounted, "/v1/claims?publisher=daily&language=fr&facet=mode").counted ?? 0) > 0)
    }

    @Test func facetSizeKeepsTheMostFrequentAndTotalsTheRest() throws {
        let expected = SourcingCorpus.expectedFacet(.source, over: corpus.claims)
        let response = get("/v1/claims?facet=source&facet_size=3")
        #expect(SourcingCorpus.facet(response, .source).map(\.0) == expected.prefix(3).map(\.0))
        let facet = try #require((response.object["facets"] as? [String: Any])?["source"] as? [String: Any])
        #expect(facet["other"] as? Int == expected.dropFirst(3).reduce(0) { $0 + $1.1 })
        // The default is 10 values.
        #expect(SourcingCorpus.facet(get("/v1/claims?facet=source"), .source).count == min(10, expected.count))
        // Facets are in the order asked; the page itself is unchanged.
        let two = get("/v1/claims?facet=year&facet=anonymity&limit=5")
        #expect(two.bodyBytes.firstRange(of: Array(#""year""#.utf8))!.lowerBound < two.bodyBytes.firstRange(of: Array(#""anonymity":{"#.utf8))!.lowerBound)
        #expect(two.itemIds == get("/v1/claims?limit=5").itemIds)
        #expect(get("/v1/claims?limit=5").object["facets"] == nil)
    }

    /// Following a value's toggle gives as many claims as the value's count; a selected value's toggle removes it.
    @Test(arguments: FacetName.allCases) func togglesAddTheirFilterAndCountTrue(_ name: FacetName) throws {
        let response = get("/v1/claims?facet=\(name.rawValue)&facet_size=100&cursor=czAw")
        let facet = try #require((response.object["facets"] as? [String: Any])?[name.rawValue] as? [String: Any])
        for value in facet["values"] as! [[String: Any]] {
            let toggle = value["toggle"] as! String
            #expect(value["selected"] as? Bool == false)
            #expect(!toggle.contains("cursor="), "a toggled list starts at its first page")
            let ids = SourcingCorpus.allIds(toggle.replacingOccurrences(of: "facet_size=100", with: "facet_size=5"))
            #expect(ids.count == value["count"] as? Int, "\(toggle)")
            // Toggling it again from there removes it.
            let toggled = get(toggle)
            let same = try #require(((toggled.object["facets"] as? [String: Any])?[name.rawValue] as? [String: Any])?["values"] as? [[String: Any]])
            let selected = try #require(same.first { $0["value"] as? String == value["value"] as? String })
            #expect(selected["selected"] as? Bool == true)
            #expect(selected["toggle"] as? String == "/v1/claims?facet=\(name.rawValue)&facet_size=100")
        }
    }

    @Test func togglesOfRepeatableFiltersAddAValueAndOthersReplaceIt() throws {
        let response = get("/v1/claims?publisher=daily&mode=direct_quote&anonymity=named&facet=publisher&facet=mode&facet=month")
        let facets = try #require(response.object["facets"] as? [String: [String: Any]])
        func toggle(_ facet: String, _ value: String) -> String? {
            (facets[facet]?["values"] as? [[String: Any]])?.first { $0["value"] as? String == value }?["toggle"] as? String
        }
        #expect(toggle("publisher", "daily") == "/v1/claims?mode=direct_quote&anonymity=named&facet=publisher&facet=mode&facet=month")
        let base = "/v1/claims?publisher=daily&mode=direct_quote&anonymity=named&facet=publisher&facet=mode&facet=month"
        #expect(toggle("mode", "narration") == base + "&mode=narration")
        #expect(toggle("mode", "direct_quote") == "/v1/claims?publisher=daily&anonymity=named&facet=publisher&facet=mode&facet=month")
        let month = try #require((facets["month"]?["values"] as? [[String: Any]])?.first)
        let monthValue = month["value"] as! String
        let lastDay = try #require(SourcingCorpus.period(monthValue).3)
        #expect(month["toggle"] as? String == base + "&published_since=\(monthValue)-01&published_until=\(lastDay)")
        // A single-valued filter's toggle replaces its value.
        let byYear = get("/v1/claims?published_since=2024-01-01&published_until=2024-12-31&facet=month")
        let firstMonth = try #require(((byYear.object["facets"] as? [String: [String: Any]])?["month"]?["values"] as? [[String: Any]])?.first)
        let url = firstMonth["toggle"] as! String
        #expect(url.components(separatedBy: "published_since=").count == 2)
    }

    @Test func articlesHaveTheirOwnFiltersAndFacets() throws {
        let cases: [(String, (SourcingCorpus.ArticleFacts) -> Bool)] = [
            ("", { _ in true }),
            ("publisher=herald&publisher=weekly", { ["herald", "weekly"].contains($0.publisher) }),
            ("published_since=2025-03-01&published_until=2026-02-28", { ($0.first ?? "") >= "2025-03-01" && ($0.last ?? "9") <= "2026-02-28" }),
            ("language=en&publisher=courier", { $0.language == "en" && $0.publisher == "courier" }),
        ]
        for (query, matches) in cases {
            let expected = corpus.articleOrder.filter { matches(corpus.articles[$0]!) }
            #expect(SourcingCorpus.allIds("/v1/articles?\(query)") == expected, "\(query)")
            for name in FacetName.ofArticles {
                var counts: [String: Int] = [:]
                for id in expected {
                    let article = corpus.articles[id]!
                    let value: String? = switch name {
                    case .publisher: article.publisher
                    case .language: article.language
                    case .month: article.month
                    default: article.year
                    }
                    if let value { counts[value, default: 0] += 1 }
                }
                let shown = SourcingCorpus.facet(get("/v1/articles?\(query)&facet=\(name.rawValue)&facet_size=100"), name)
                let sorted = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
                #expect(shown.map(\.0) == sorted.map(\.0), "\(name) over \(query)")
                #expect(shown.map(\.1) == sorted.map(\.1), "\(name) over \(query)")
            }
        }
    }

    @Test func claimListsOfAnArticleAndOfAnEntityTakeTheClaimFilters() {
        let article = corpus.claims.first { $0.depth == 3 }!.article
        let expected = corpus.claims.filter { $0.article == article && $0.depth >= 2 }
        #expect(SourcingCorpus.allIds("/v1/articles/\(article)/claims?min_depth=2") == expected.map(\.id))
        let depths = SourcingCorpus.facet(get("/v1/articles/\(article)/claims?facet=depth"), .depth)
        #expect(depths.map(\.0) == SourcingCorpus.expectedFacet(.depth, over: corpus.claims.filter { $0.article == article }).map(\.0))
        let ofAide = corpus.claims.filter { $0.sources.contains("aide") && $0.values[.publisher] == ["herald"] }
        #expect(SourcingCorpus.allIds("/v1/entities/aide/claims?role=source&publisher=herald") == ofAide.map(\.id))
        let years = SourcingCorpus.facet(get("/v1/entities/aide/claims?role=source&facet=year&facet_size=100"), .year)
        #expect(years.map(\.1) == SourcingCorpus.expectedFacet(.year, over: corpus.claims.filter { $0.sources.contains("aide") }).map(\.1))
    }

    @Test func malformedFiltersAndFacetsAre400sNamingTheParameter() {
        let cases: [(String, String)] = [
            ("/v1/claims?facet=colour", "facet"),
            ("/v1/claims?facet=mode&facet=mode", "facet"),
            ("/v1/claims?facet_size=0", "facet_size"),
            ("/v1/claims?facet_size=101", "facet_size"),
            ("/v1/claims?published_since=2025-13-01", "published_since"),
            ("/v1/claims?published_until=2025-02-29", "published_until"),
            ("/v1/claims?published_since=yesterday", "published_since"),
            ("/v1/claims?published_since=2025-01-01T00:00:00Z", "published_since"),
            ("/v1/claims?origin_kind=robot", "origin_kind"),
            ("/v1/claims?factuality=XX", "factuality"),
            ("/v1/claims?derivation=copy", "derivation"),
            ("/v1/claims?depth=0", "depth"),
            ("/v1/claims?depth=65", "depth"),
            ("/v1/claims?language=", "language"),
            ("/v1/claims?publisher=", "publisher"),
            ("/v1/claims?anonymity=named&anonymity=anonymous", "anonymity"),
            ("/v1/claims?source=caf%C3%A9", "source"),
            ("/v1/claims?publisher=a%20b", "publisher"),
            ("/v1/claims?origin=-memo", "origin"),
            ("/v1/claims?language=english!", "language"),
            ("/v1/claims?" + Array(repeating: "source=aide", count: 17).joined(separator: "&"), "source"),
            ("/v1/articles?facet=mode", "facet"),
            ("/v1/articles?origin=memo", "origin"),
            ("/v1/articles/story-00/claims?publisher=daily", "publisher"),
            ("/v1/articles/story-00/claims?facet=publisher", "facet"),
            ("/v1/entities/aide/claims?entity=aide", "entity"),
        ]
        for (target, parameter) in cases {
            let response = get(target)
            #expect(response.status == 400, "\(target)")
            #expect(response.object["parameter"] as? String == parameter, "\(target)")
            #expect(response.object["type"] as? String == "urn:attributed:problem:invalid-parameter", "\(target)")
        }
    }

    @Test func idsThatNameNothingMatchNothing() {
        for target in ["/v1/claims?publisher=no-such", "/v1/claims?language=xx", "/v1/claims?origin=no-such",
                       "/v1/claims?published_since=2030-01-01", "/v1/claims?published_since=2025-02-01&published_until=2025-01-31",
                       "/v1/articles?publisher=no-such", "/v1/claims?source=aide&source=no-such"] {
            let facet: FacetName = target.hasPrefix("/v1/articles") ? .publisher : .anonymity
            let response = get(target + "&facet=\(facet.rawValue)")
            #expect(response.status == 200 && response.items.isEmpty, "\(target)")
            #expect(SourcingCorpus.facet(response, facet).isEmpty, "\(target)")
        }
    }

    @Test func facetsChangeTheListsTag() throws {
        let plain = try #require(get("/v1/claims?limit=2").headers.first { $0.name == "ETag" }?.value)
        let faceted = try #require(get("/v1/claims?limit=2&facet=mode").headers.first { $0.name == "ETag" }?.value)
        let other = try #require(get("/v1/claims?limit=2&facet=anonymity").headers.first { $0.name == "ETag" }?.value)
        #expect(Set([plain, faceted, other]).count == 3)
        #expect(TestDatasets.get(SourcingCorpus.store, "/v1/claims?limit=2&facet=mode", ifNoneMatch: faceted).status == 304)
    }
}
