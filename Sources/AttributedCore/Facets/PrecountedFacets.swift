/// Facets counted at load for every large list of a single filter (a publisher, a language, a month of dates, an
/// anonymity, a mode, a depth, …): a query with only that filter, or a union of such lists (several publishers, a
/// date range), adds up counts made once instead of reading every match's columns. A list under `minimumCount`
/// claims is counted at request time, which costs little at that size; so does a facet with a value per entity
/// (`source`, `origin`), which is always counted over the matches.
struct PrecountedFacets: Sendable {
    /// The families of posting lists a single filter reads.
    enum Family: Int, CaseIterable, Sendable {
        case publisher, language, days, months, years, origin, originKind, factuality, derivation, depth, chain, source
    }

    /// One list of a family.
    struct List: Hashable, Sendable {
        let family: Family
        let list: Int
    }

    /// What is counted at load: every facet whose values are few.
    static let names: [FacetName] = FacetName.allCases.filter { $0 != .source && $0 != .origin }
    /// Lists shorter than this are counted when asked.
    static let defaultMinimumCount = 4096

    private let families: [PostingLists]
    /// Per counted list, its facets in `names` order.
    private let counted: [List: [FacetValues]]

    init(filters: FilterIndexes, corpus: CorpusLists, minimumCount: Int = defaultMinimumCount) {
        let dates = corpus.claimDates
        let families: [PostingLists] = Family.allCases.map { family in
            switch family {
            case .publisher: corpus.claimsByPublisher
            case .language: corpus.claimsByLanguage
            case .days: dates.lists(ofFamily: 0)
            case .months: dates.lists(ofFamily: 1)
            case .years: dates.lists(ofFamily: 2)
            case .origin: corpus.claimsByOrigin
            case .originKind: corpus.claimsByOriginKind
            case .factuality: corpus.claimsByFactuality
            case .derivation: corpus.claimsByDerivation
            case .depth: corpus.claimsByDepth
            case .chain: filters.facets.lists
            case .source: filters.claimsBySource
            }
        }
        // Of the chain's combined lists, those of one parameter (`anonymity`, `mode` or `min_depth` alone): every
        // combination would be twenty times the claims to count.
        let chain = filters.facets
        let singleChainLists = Set(Anonymity.allCases.compactMap { chain.list(anonymity: $0, mode: nil, minimumDepth: nil) }
            + AttributionMode.allCases.compactMap { chain.list(anonymity: nil, mode: $0, minimumDepth: nil) }
            + ClaimQuery.minimumDepths.compactMap { chain.list(anonymity: nil, mode: nil, minimumDepth: $0) })
        var large: [List] = []
        for family in Family.allCases {
            let lists = families[family.rawValue]
            for list in 0..<lists.count where lists.bounds(of: list).count >= max(1, minimumCount) {
                if family == .chain, !singleChainLists.contains(list) { continue }
                large.append(List(family: family, list: list))
            }
        }
        let counts = parallelMap(large.count) { index in
            let claims = families[large[index].family.rawValue][large[index].list]
            return Self.names.map { FacetCounting.claims(claims, $0, in: corpus) }
        }
        self.families = families
        counted = Dictionary(uniqueKeysWithValues: zip(large, counts))
    }

    /// How many lists were counted at load (tests read it).
    var countedLists: Int { counted.count }

    /// The facets `names` over the union of `lists` (disjoint: no claim is in two of them); nil when one of the
    /// names is not counted at load. `matches` is the union's size; `counted` the claims read to count it.
    func facets(_ names: [FacetName], over lists: [List], in corpus: CorpusLists)
        -> (facets: [(name: FacetName, values: FacetValues)], matches: Int, counted: Int)? {
        let positions = names.compactMap { Self.names.firstIndex(of: $0) }
        guard positions.count == names.count else { return nil }
        var matches = 0
        var read = 0
        /// Each list's facets: counted at load, or now.
        let perList = lists.map { list -> [FacetValues] in
            let claims = families[list.family.rawValue][list.list]
            matches += claims.count
            if let precounted = counted[list] { return positions.map { precounted[$0] } }
            read += claims.count
            return names.map { FacetCounting.claims(claims, $0, in: corpus) }
        }
        let facets = names.indices.map { position in
            // One list's counts are already sorted; several are added up (they are disjoint) and sorted again.
            guard perList.count != 1 else { return (name: names[position], values: perList[0][position]) }
            var totals: [Int: Int] = [:]
            for values in perList { for entry in values[position].entries { totals[entry.value, default: 0] += entry.count } }
            return (name: names[position],
                    values: FacetValues(totals.map { (value: $0.key, count: $0.value) }, name: names[position], in: corpus))
        }
        return (facets, matches, read)
    }
}
