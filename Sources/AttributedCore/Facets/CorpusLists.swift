/// The posting lists of the filters on an article's publisher, date and language and on a claim's origin, origin
/// kind, last factuality, last derivation and exact depth, over claims and (the article ones) over articles, with
/// the per-claim columns facets count from. Built at load; a claim is in one list of each family (two of the
/// dates'), so each family costs 4 bytes a claim.
struct CorpusLists: Sendable {
    /// The distinct `language` values, sorted: a language's position is its list.
    let languages: [String]
    /// Per article: its publisher's entity ordinal, its language's position, its period.
    let publisherOfArticle: [UInt32]
    let languageOfArticle: [UInt32]
    let periodOfArticle: [PublicationPeriod?]
    /// The month keys and years of the dated articles, ascending, and each article's position among them (-1: none;
    /// an article dated to a year only has no month).
    let monthKeys: [Int]
    let monthOfArticle: [Int32]
    let years: [Int]
    let yearOfArticle: [Int32]

    let claimsByPublisher: PostingLists
    let claimsByLanguage: PostingLists
    let claimDates: DateLists
    let claimsByOrigin: PostingLists
    /// By `EntityKind.allCases` position of the origin.
    let claimsByOriginKind: PostingLists
    let claimsByFactuality: PostingLists
    /// By `Derivation.allCases` position of the last link's derivation; a chain of one link has none.
    let claimsByDerivation: PostingLists
    /// Depth `d` is list `d - 1`, up to `ClaimQuery.depths.upperBound`.
    let claimsByDepth: PostingLists

    let articlesByPublisher: PostingLists
    let articlesByLanguage: PostingLists
    let articleDates: DateLists

    let columns: ClaimColumns
    /// The table the columns were read from: `source` facets read the chains, labels the entity ids.
    let claims: ClaimTable
    /// Every entity's kind, by `EntityKind.allCases` position (what `origin_kind` reads of the origin).
    let kindOfEntity: [UInt8]

    init(claims: ClaimTable, articles: [Article], entities: [Entity], entityIndex: [String: Int]) {
        languages = Set(articles.map(\.language)).sorted()
        let languagePosition = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1, UInt32($0)) })
        publisherOfArticle = articles.map { UInt32(entityIndex[$0.publisher]!) }
        languageOfArticle = articles.map { languagePosition[$0.language]! }
        let periods = articles.map { $0.published.flatMap(PublicationPeriod.init) }
        periodOfArticle = periods
        monthKeys = Set(periods.compactMap { $0?.monthKey }).sorted()
        years = Set(periods.compactMap { $0?.year }).sorted()
        let (monthPosition, yearPosition) = (Dictionary(uniqueKeysWithValues: monthKeys.enumerated().map { ($1, Int32($0)) }),
                                             Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, Int32($0)) }))
        monthOfArticle = periods.map { $0?.monthKey.flatMap { monthPosition[$0] } ?? -1 }
        yearOfArticle = periods.map { $0.flatMap { yearPosition[$0.year] } ?? -1 }
        kindOfEntity = entities.map { UInt8(EntityKind.allCases.firstIndex(of: $0.kind)!) }
        let columns = ClaimColumns(claims)
        self.claims = claims
        self.columns = columns

        let (publisherOfArticle, languageOfArticle, kindOfEntity) = (self.publisherOfArticle, self.languageOfArticle, self.kindOfEntity)
        let claimLists = PostingListsBuilder.collect(listCounts: [entities.count, languages.count, entities.count, EntityKind.allCases.count,
                                                                  Factuality.allCases.count, Derivation.allCases.count,
                                                                  ClaimQuery.depths.upperBound]) { lists in
            for (ordinal, record) in claims.records.enumerated() {
                let claim = UInt32(ordinal)
                let article = Int(columns.article[ordinal])
                let origin = Int(columns.origin[ordinal])
                lists[0].append(claim, toList: Int(publisherOfArticle[article]))
                lists[1].append(claim, toList: Int(languageOfArticle[article]))
                lists[2].append(claim, toList: origin)
                lists[3].append(claim, toList: Int(kindOfEntity[origin]))
                lists[4].append(claim, toList: Int(columns.factuality[ordinal]))
                if let derivation = claims.links[Int(record.firstLink + record.linkCount - 1)].derivation {
                    lists[5].append(claim, toList: derivation == .quotation ? 0 : 1)
                }
                if Int(record.linkCount) <= ClaimQuery.depths.upperBound { lists[6].append(claim, toList: Int(record.linkCount) - 1) }
            }
        }
        (claimsByPublisher, claimsByLanguage, claimsByOrigin, claimsByOriginKind) = (claimLists[0], claimLists[1], claimLists[2], claimLists[3])
        (claimsByFactuality, claimsByDerivation, claimsByDepth) = (claimLists[4], claimLists[5], claimLists[6])
        claimDates = DateLists(periods: periodOfArticle, itemCount: claims.count) { Int(columns.article[$0]) }

        let articleLists = PostingListsBuilder.collect(listCounts: [entities.count, languages.count]) { lists in
            for article in articles.indices {
                lists[0].append(UInt32(article), toList: Int(publisherOfArticle[article]))
                lists[1].append(UInt32(article), toList: Int(languageOfArticle[article]))
            }
        }
        (articlesByPublisher, articlesByLanguage) = (articleLists[0], articleLists[1])
        articleDates = DateLists(periods: periodOfArticle, itemCount: articles.count) { $0 }
    }
}
