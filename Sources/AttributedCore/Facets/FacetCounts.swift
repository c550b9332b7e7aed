/// One facet's counts: the values with at least one item, most frequent first, ties by value.
struct FacetValues: Sendable {
    /// A value is an index in its facet's space: an entity ordinal (`publisher`, `source`, `origin`), a position in a
    /// vocabulary's `allCases` or in `CorpusLists`' languages, months and years, or a depth.
    var entries: [(value: Int, count: Int)]

    /// Counted values, sorted for display.
    init(_ counter: ValueCounter, name: FacetName, in corpus: CorpusLists) {
        var entries = counter.entries
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
        let lists = corpus
        let columns = lists.columns
        var counts = ValueCounter(space: spaceSize(name, in: corpus), matches: matches.count)
        switch name {
        case .publisher: for claim in matches { counts.add(Int(lists.publisherOfArticle[Int(columns.article[Int(claim)])])) }
        case .anonymity: for claim in matches { counts.add(Int(columns.weakestAnonymity[Int(claim)])) }
        case .mode:
            for claim in matches {
                var modes = columns.modes[Int(claim)]
                while modes != 0 {
                    counts.add(modes.trailingZeroBitCount)
                    modes &= modes - 1
                }
            }
        case .source:
            let claims = corpus.claims
            for claim in matches {
                let chain = claims.chain(of: claims.records[Int(claim)])
                // A source met again further down the same chain counts once.
                for position in chain.indices where !chain[chain.startIndex..<position].contains(where: { $0.source == chain[position].source }) {
                    counts.add(Int(chain[position].source))
                }
            }
        case .origin: for claim in matches { counts.add(Int(columns.origin[Int(claim)])) }
        case .originKind: for claim in matches { counts.add(Int(lists.kindOfEntity[Int(columns.origin[Int(claim)])])) }
        case .factuality: for claim in matches { counts.add(Int(columns.factuality[Int(claim)])) }
        case .depth: for claim in matches { counts.add(Int(columns.depth[Int(claim)])) }
        case .language: for claim in matches { counts.add(Int(lists.languageOfArticle[Int(columns.article[Int(claim)])])) }
        case .month:
            for claim in matches {
                let month = lists.monthOfArticle[Int(columns.article[Int(claim)])]
                if month >= 0 { counts.add(Int(month)) }
            }
        case .year:
            for claim in matches {
                let year = lists.yearOfArticle[Int(columns.article[Int(claim)])]
                if year >= 0 { counts.add(Int(year)) }
            }
        }
        return FacetValues(counts, name: name, in: corpus)
    }

    /// Articles' facets (`FacetName.ofArticles`) over `matches` (ascending article ordinals).
    static func articles(_ matches: some Collection<UInt32>, _ name: FacetName, in corpus: CorpusLists) -> FacetValues {
        let lists = corpus
        var counts = ValueCounter(space: spaceSize(name, in: corpus), matches: matches.count)
        for article in matches {
            let value: Int32 = switch name {
            case .publisher: Int32(lists.publisherOfArticle[Int(article)])
            case .language: Int32(lists.languageOfArticle[Int(article)])
            case .month: lists.monthOfArticle[Int(article)]
            case .year: lists.yearOfArticle[Int(article)]
            default: -1
            }
            if value >= 0 { counts.add(Int(value)) }
        }
        return FacetValues(counts, name: name, in: corpus)
    }

    /// Every claim's facets, counted once at load: an unfiltered list's facets cost nothing more per request.
    static func allClaims(in corpus: CorpusLists) -> [FacetValues] {
        let all = 0..<UInt32(corpus.claims.count)
        return FacetName.allCases.map { claims(all, $0, in: corpus) }
    }
}

/// Counts by value: an array over the whole value space when the matches could fill a good part of it, else a
/// dictionary of the values met, so that a few matches cost a few steps however many entities the corpus has.
struct ValueCounter {
    private var dense: [Int]
    private var sparse: [Int: Int] = [:]
    private let isDense: Bool

    init(space: Int, matches: Int) {
        isDense = matches * 4 >= space
        dense = isDense ? [Int](repeating: 0, count: space) : []
    }

    mutating func add(_ value: Int) {
        if isDense { dense[value] += 1 } else { sparse[value, default: 0] += 1 }
    }

    /// The values counted at least once, with their counts, in no particular order.
    var entries: [(value: Int, count: Int)] {
        guard isDense else { return sparse.map { (value: $0.key, count: $0.value) } }
        var entries: [(value: Int, count: Int)] = []
        for (value, count) in dense.enumerated() where count > 0 { entries.append((value, count)) }
        return entries
    }
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
