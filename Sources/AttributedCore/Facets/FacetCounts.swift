/// One facet's counts: the values with at least one item, most frequent first, ties by value.
struct FacetValues: Sendable {
    /// A value is an index in its facet's space: an entity ordinal (`publisher`, `source`, `origin`), a position in a
    /// vocabulary's `allCases` or in `CorpusLists`' languages, months and years, or a depth.
    var entries: [(value: Int, count: Int)]

    /// Counted values, sorted for display.
    init(_ entries: [(value: Int, count: Int)], name: FacetName, in corpus: CorpusLists) {
        var entries = entries
        let labels = FacetLabels(name, corpus: corpus)
        entries.sort { left, right in
            left.count != right.count ? left.count > right.count : labels.precedes(left.value, right.value)
        }
        self.entries = entries
    }
}

/// Counts facets over the items a query matched: one pass per facet over the matches' compact columns, so the cost
/// is the matches times the facets, never the corpus.
enum FacetCounting {
    /// The size of a facet's value space over claims.
    static func spaceSize(_ name: FacetName, in corpus: CorpusLists) -> Int {
        let lists = corpus
        switch name {
        case .publisher, .source, .origin: return corpus.claims.entityIds.count
        case .anonymity: return Anonymity.allCases.count
        case .mode: return AttributionMode.allCases.count
        case .originKind: return EntityKind.allCases.count
        case .factuality: return Factuality.allCases.count
        case .depth: return 256
        case .language: return lists.languages.count
        case .month: return lists.monthKeys.count
        case .year: return lists.years.count
        }
    }

    /// Claims' facets over `matches` (ascending claim ordinals).
    static func claims(_ matches: some Collection<UInt32>, _ name: FacetName, in corpus: CorpusLists) -> FacetValues {
        let entries = tallied(space: spaceSize(name, in: corpus), matches: matches.count,
                              dense: { tallyClaims(matches, name, corpus, into: &$0) },
                              sparse: { tallyClaims(matches, name, corpus, into: &$0) })
        return FacetValues(entries, name: name, in: corpus)
    }

    /// Articles' facets (`FacetName.ofArticles`) over `matches` (ascending article ordinals).
    static func articles(_ matches: some Collection<UInt32>, _ name: FacetName, in corpus: CorpusLists) -> FacetValues {
        func tally(_ tally: inout some Tally) {
            func by<Value: BinaryInteger>(_ column: [Value]) {
                for article in matches {
                    let value = Int(column[Int(article)])
                    if value >= 0 { tally.add(value) }
                }
            }
            switch name {
            case .publisher: by(corpus.publisherOfArticle)
            case .language: by(corpus.languageOfArticle)
            case .month: by(corpus.monthOfArticle)
            default: by(corpus.yearOfArticle)
            }
        }
        let entries = tallied(space: spaceSize(name, in: corpus), matches: matches.count, dense: { tally(&$0) }, sparse: { tally(&$0) })
        return FacetValues(entries, name: name, in: corpus)
    }

    /// Counts into an array over the whole value space when the matches could fill a good part of it, else into a
    /// dictionary of the values met, so that a few matches cost a few steps however many entities the corpus has.
    /// `dense` and `sparse` are the same tally, specialized for each.
    private static func tallied(space: Int, matches: Int, dense: (inout DenseTally) -> Void,
                                sparse: (inout SparseTally) -> Void) -> [(value: Int, count: Int)] {
        guard matches * 4 >= space else {
            var tally = SparseTally()
            sparse(&tally)
            return tally.counts.map { (value: $0.key, count: $0.value) }
        }
        var counts = [Int](repeating: 0, count: space)
        counts.withUnsafeMutableBufferPointer { buffer in
            var tally = DenseTally(counts: buffer)
            dense(&tally)
        }
        var entries: [(value: Int, count: Int)] = []
        for (value, count) in counts.enumerated() where count > 0 { entries.append((value, count)) }
        return entries
    }

    /// One facet's values of every match, each given to `tally`: a loop per facet over the compact columns, read
    /// through their buffers (this is the whole cost of a filtered facet).
    private static func tallyClaims(_ matches: some Collection<UInt32>, _ name: FacetName, _ corpus: CorpusLists,
                                    into tally: inout some Tally) {
        let columns = corpus.columns
        /// A value of the claim's article (publisher, language, month, year); negative: none.
        func byArticle<Value: BinaryInteger>(_ ofArticle: [Value]) {
            columns.article.withUnsafeBufferPointer { article in
                ofArticle.withUnsafeBufferPointer { value in
                    for claim in matches {
                        let found = Int(value[Int(article[Int(claim)])])
                        if found >= 0 { tally.add(found) }
                    }
                }
            }
        }
        func byClaim<Value: BinaryInteger>(_ column: [Value]) {
            column.withUnsafeBufferPointer { value in
                for claim in matches { tally.add(Int(value[Int(claim)])) }
            }
        }
        switch name {
        case .publisher: byArticle(corpus.publisherOfArticle)
        case .language: byArticle(corpus.languageOfArticle)
        case .month: byArticle(corpus.monthOfArticle)
        case .year: byArticle(corpus.yearOfArticle)
        case .anonymity: byClaim(columns.weakestAnonymity)
        case .factuality: byClaim(columns.factuality)
        case .depth: byClaim(columns.depth)
        case .origin: byClaim(columns.origin)
        case .originKind:
            columns.origin.withUnsafeBufferPointer { origin in
                corpus.kindOfEntity.withUnsafeBufferPointer { kind in
                    for claim in matches { tally.add(Int(kind[Int(origin[Int(claim)])])) }
                }
            }
        case .mode:
            columns.modes.withUnsafeBufferPointer { column in
                for claim in matches {
                    var modes = column[Int(claim)]
                    while modes != 0 {
                        tally.add(modes.trailingZeroBitCount)
                        modes &= modes - 1
                    }
                }
            }
        case .source:
            let claims = corpus.claims
            for claim in matches {
                let chain = claims.chain(of: claims.records[Int(claim)])
                // A source met again further down the same chain counts once.
                for position in chain.indices where !chain[chain.startIndex..<position].contains(where: { $0.source == chain[position].source }) {
                    tally.add(Int(chain[position].source))
                }
            }
        }
    }

    /// Every claim's facets, counted once at load: an unfiltered list's facets cost nothing more per request.
    static func allClaims(in corpus: CorpusLists) -> [FacetValues] {
        let all = 0..<UInt32(corpus.claims.count)
        return FacetName.allCases.map { claims(all, $0, in: corpus) }
    }
}

/// Where a facet's counts go, one value at a time.
protocol Tally {
    mutating func add(_ value: Int)
}

/// Counts in an array over the value space.
struct DenseTally: Tally {
    let counts: UnsafeMutableBufferPointer<Int>

    func add(_ value: Int) { counts[value] += 1 }
}

/// Counts of the values met.
struct SparseTally: Tally {
    var counts: [Int: Int] = [:]

    mutating func add(_ value: Int) { counts[value, default: 0] += 1 }
}

/// How a facet's values are written, in toggles and in the body, and how ties between them are ordered.
struct FacetLabels {
    let name: FacetName
    let corpus: CorpusLists

    init(_ name: FacetName, corpus: CorpusLists) {
        self.name = name
        self.corpus = corpus
    }

    func label(_ value: Int) -> String {
        let lists = corpus
        switch name {
        case .publisher, .source, .origin: return corpus.claims.entityIds[value]
        case .anonymity: return Anonymity.allCases[value].rawValue
        case .mode: return AttributionMode.allCases[value].rawValue
        case .originKind: return EntityKind.allCases[value].rawValue
        case .factuality: return Factuality.allCases[value].rawValue
        case .depth: return String(value)
        case .language: return lists.languages[value]
        case .month: return PublicationPeriod.monthLabel(lists.monthKeys[value])
        case .year: return PublicationPeriod.yearLabel(lists.years[value])
        }
    }

    /// Ties by value: ids, vocabulary spellings and languages in byte order; depths, months and years in their own
    /// order (which their indices already are, as are entity ordinals, sorted by id).
    func precedes(_ left: Int, _ right: Int) -> Bool {
        switch name {
        case .publisher, .source, .origin, .depth, .language, .month, .year: left < right
        case .anonymity, .mode, .originKind, .factuality: Array(label(left).utf8).lexicographicallyPrecedes(Array(label(right).utf8))
        }
    }
}
