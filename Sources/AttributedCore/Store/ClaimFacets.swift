/// Posting lists for the low-cardinality filters taken together: weakest anonymity (or any), a mode on the chain
/// (or any), and a minimum depth. Two large lists can have a tiny intersection (`anonymity=named` and
/// `mode=impersonal_report`); one list per combination answers any mix of these filters by reading exactly its
/// matches. A claim is in 2 × (its modes + 1) × its depth lists (depth counted up to 64).
struct ClaimFacets: Sendable {
    private static let anonymityChoices = Anonymity.allCases.count + 1
    private static let modeChoices = AttributionMode.allCases.count + 1
    let lists: PostingLists
    let maximumDepth: Int

    init(_ claims: ClaimTable) {
        // `min_depth` goes up to 64: deeper lists would never be read.
        let maximumDepth = min(ClaimQuery.minimumDepths.upperBound, claims.records.lazy.map { Int($0.linkCount) }.max() ?? 0)
        var builder = PostingListsBuilder(listCount: Self.anonymityChoices * Self.modeChoices * max(1, maximumDepth))
        let anyAnonymity = Anonymity.allCases.count
        let anyMode = AttributionMode.allCases.count
        var modes: [Int] = []
        builder.collect { builder in
            for (ordinal, record) in claims.records.enumerated() {
                modes.removeAll(keepingCapacity: true)
                modes.append(anyMode)
                for (index, mode) in AttributionMode.allCases.enumerated() where record.modes & mode.bit != 0 { modes.append(index) }
                for anonymity in [record.weakestAnonymity.rank, anyAnonymity] {
                    for mode in modes {
                        for depth in 1...min(Int(record.linkCount), maximumDepth) {
                            builder.append(UInt32(ordinal), toList: Self.list(anonymity, mode, depth, maximumDepth))
                        }
                    }
                }
            }
        }
        lists = builder.build()
        self.maximumDepth = maximumDepth
    }

    /// The list of claims matching all three (nil: any); nil when no claim can match (deeper than any chain).
    func list(anonymity: Anonymity?, mode: AttributionMode?, minimumDepth: Int?) -> Int? {
        let depth = minimumDepth ?? 1
        guard depth <= maximumDepth else { return nil }
        return Self.list(anonymity?.rank ?? Anonymity.allCases.count,
                         mode.map { AttributionMode.allCases.firstIndex(of: $0)! } ?? AttributionMode.allCases.count,
                         depth, maximumDepth)
    }

    private static func list(_ anonymity: Int, _ mode: Int, _ depth: Int, _ maximumDepth: Int) -> Int {
        (anonymity * modeChoices + mode) * maximumDepth + depth - 1
    }
}
