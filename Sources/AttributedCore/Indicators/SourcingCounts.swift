/// How well a set of claims is sourced (docs/indicators.md): fixed-size counts, the same for one article and for a
/// selection of articles, so that an article costs 76 bytes however many claims it has.
struct SourcingCounts: Sendable, Equatable {
    var claims: UInt32 = 0
    var byWeakestAnonymity = AnonymityCounts()
    /// Claims whose origin (the last link's source) is named.
    var namedOrigin: UInt32 = 0
    /// Distinct sources (the publisher excluded) by their own anonymity; their total is `sources`.
    var sourcesByAnonymity = AnonymityCounts()
    /// Distinct anonymous or partially identified sources with and without an `anonymityReason`.
    var unnamedSourcesWithReason: UInt32 = 0
    var unnamedSourcesWithoutReason: UInt32 = 0
    var documentSourced: UInt32 = 0
    var secondHand: UInt32 = 0
    var hedged: UInt32 = 0
    var declinedComment: UInt32 = 0
    var maxDepth: UInt32 = 0
    /// The links of every claim: `meanDepth` is this over `claims`.
    var totalDepth: UInt32 = 0
    var corroborated: UInt32 = 0

    var sources: UInt32 { sourcesByAnonymity.total }

    /// Depth ≥ 3: the source relays someone else.
    static let secondHandDepth = 3

    /// The mean depth in hundredths, rounded half up, in integers so that it never depends on float printing.
    var meanDepthHundredths: UInt64 {
        guard claims > 0 else { return 0 }
        return (UInt64(totalDepth) * 200 + UInt64(claims)) / (UInt64(claims) * 2)
    }

    /// Counts one claim: everything but its sources, which are counted once per selection (`count(source:)`).
    mutating func count(claim record: ClaimRecord, chain: ArraySlice<LinkRecord>, traits: [SourceTraits]) {
        claims += 1
        byWeakestAnonymity[record.weakestAnonymity] += 1
        let last = chain[chain.endIndex - 1]
        if traits[Int(last.source)].anonymity == .named { namedOrigin += 1 }
        if chain.contains(where: { traits[Int($0.source)].isDocument }) { documentSourced += 1 }
        if chain.count >= Self.secondHandDepth { secondHand += 1 }
        if Self.isHedged(last) { hedged += 1 }
        if record.modes & AttributionMode.declinedComment.bit != 0 { declinedComment += 1 }
        maxDepth = max(maxDepth, record.linkCount)
        totalDepth += record.linkCount
    }

    /// The origin does not present the content as certain (CT+ or CT−), or presents it as a belief.
    static func isHedged(_ last: LinkRecord) -> Bool {
        (last.factuality != .certainlyTrue && last.factuality != .certainlyFalse) || last.attributionType == .belief
    }

    /// Counts a source the selection has not counted yet.
    mutating func count(source traits: SourceTraits) {
        sourcesByAnonymity[traits.anonymity] += 1
        guard traits.anonymity == .anonymous || traits.anonymity == .partiallyIdentified else { return }
        if traits.hasAnonymityReason { unnamedSourcesWithReason += 1 } else { unnamedSourcesWithoutReason += 1 }
    }

    /// Adds another selection's claim counts; its sources are not added, since distinct sources do not sum.
    mutating func addClaimCounts(of other: SourcingCounts) {
        claims += other.claims
        byWeakestAnonymity.add(other.byWeakestAnonymity)
        namedOrigin += other.namedOrigin
        documentSourced += other.documentSourced
        secondHand += other.secondHand
        hedged += other.hedged
        declinedComment += other.declinedComment
        maxDepth = max(maxDepth, other.maxDepth)
        totalDepth += other.totalDepth
        corroborated += other.corroborated
    }
}

/// One count per anonymity level.
struct AnonymityCounts: Sendable, Equatable {
    var named: UInt32 = 0
    var partiallyIdentified: UInt32 = 0
    var anonymous: UInt32 = 0
    var unspecified: UInt32 = 0

    subscript(anonymity: Anonymity) -> UInt32 {
        get {
            switch anonymity {
            case .named: named
            case .partiallyIdentified: partiallyIdentified
            case .anonymous: anonymous
            case .unspecified: unspecified
            }
        }
        set {
            switch anonymity {
            case .named: named = newValue
            case .partiallyIdentified: partiallyIdentified = newValue
            case .anonymous: anonymous = newValue
            case .unspecified: unspecified = newValue
            }
        }
    }

    var total: UInt32 { named + partiallyIdentified + anonymous + unspecified }

    mutating func add(_ other: AnonymityCounts) {
        for anonymity in Anonymity.allCases { self[anonymity] += other[anonymity] }
    }
}

/// What the indicators need to know of an entity when it is a source.
struct SourceTraits: Sendable {
    var anonymity: Anonymity
    var isDocument: Bool
    var hasAnonymityReason: Bool

    init(_ entity: Entity) {
        anonymity = entity.anonymity
        isDocument = entity.kind == .document
        hasAnonymityReason = entity.anonymityReason != nil
    }
}
