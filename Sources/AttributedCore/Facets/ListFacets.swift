/// The facets of a list page, counted over every match of its filters (not only the page): the join walked to its
/// end once more, its matches' columns read once per facet. Unfiltered claims use the counts made at load.
struct ListFacets {
    /// `,"facets":{…}`, what the page's body gains (empty without `facet`).
    let member: [UInt8]
    /// The matches counted (0 when the counts were made at load): what counting cost, which tests bound.
    let counted: Int

    static let none = ListFacets(member: [], counted: 0)

    private init(member: [UInt8], counted: Int) {
        self.member = member
        self.counted = counted
    }

    /// Counted facets: each name's values, how many items matched, and how many were walked to count them.
    struct Counts {
        let facets: [(name: FacetName, values: FacetValues)]
        let matches: Int
        let counted: Int
    }

    /// Over claims: `matches` is the query's join, not yet walked; `unfiltered` when it is every claim; `precounted`
    /// the lists whose facets were counted at load, when the query is one filter (`ClaimQuery.precountedLists`).
    static func countClaims(_ names: [FacetName], matches: () throws(Problem) -> Conjunction, unfiltered: Bool,
                            precounted: [PrecountedFacets.List]? = nil, in store: Store) throws(Problem) -> Counts {
        if unfiltered {
            let facets = names.map { (name: $0, values: store.allClaimFacets[FacetName.allCases.firstIndex(of: $0)!]) }
            return Counts(facets: facets, matches: store.claims.count, counted: 0)
        }
        if let precounted, let sums = store.precountedFacets.facets(names, over: precounted, in: store.corpus) {
            return Counts(facets: sums.facets, matches: sums.matches, counted: sums.counted)
        }
        let ordinals = walk(try matches())
        let facets = names.map { (name: $0, values: FacetCounting.claims(ordinals, $0, in: store.corpus)) }
        return Counts(facets: facets, matches: ordinals.count, counted: ordinals.count)
    }

    init(_ request: FacetRequest, claims matches: () throws(Problem) -> Conjunction, unfiltered: Bool,
         precounted: @autoclosure () -> [PrecountedFacets.List]?, for http: Request, in store: Store) throws(Problem) {
        guard !request.isEmpty else {
            self = .none
            return
        }
        let counts = try Self.countClaims(request.names, matches: matches, unfiltered: unfiltered, precounted: precounted(),
                                          in: store)
        self.init(counts.facets, size: request.size, http: http, corpus: store.corpus, counted: counts.counted)
    }

    /// Over articles.
    init(_ request: FacetRequest, articles matches: Conjunction, for http: Request, in store: Store) {
        guard !request.isEmpty else {
            self = .none
            return
        }
        let ordinals = Self.walk(matches)
        let facets = request.names.map { (name: $0, values: FacetCounting.articles(ordinals, $0, in: store.corpus)) }
        self.init(facets, size: request.size, http: http, corpus: store.corpus, counted: ordinals.count)
    }

    private init(_ facets: [(name: FacetName, values: FacetValues)], size: Int, http: Request, corpus: CorpusLists, counted: Int) {
        var out = JSONOutput(capacity: 256 + facets.count * size * 160)
        out.raw(#","facets":"#)
        FacetsJSON.write(facets, size: size, request: http, corpus: corpus, into: &out)
        self.init(member: out.bytes, counted: counted)
    }

    /// Every match of a join; a join of one list is that list itself, not copied.
    private static func walk(_ join: Conjunction) -> ArraySlice<UInt32> {
        if join.cursors.count == 1, case .list(let list) = join.cursors[0] { return list.remaining }
        var join = join
        var ordinals: [UInt32] = []
        while let ordinal = join.next() { ordinals.append(ordinal) }
        return ordinals[...]
    }
}
