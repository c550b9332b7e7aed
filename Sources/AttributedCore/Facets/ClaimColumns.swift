/// What facets count, one compact value per claim (13 bytes a claim): reading these for every match streams a few
/// small arrays, where the 80-byte records and their links would be read line by line.
struct ClaimColumns: Sendable {
    let article: [UInt32]
    /// The last link's source.
    let origin: [UInt32]
    let weakestAnonymity: [UInt8]
    /// The chain's links, 255 for any longer chain.
    let depth: [UInt8]
    /// The last link's, as its position in `Factuality.allCases`.
    let factuality: [UInt8]
    /// One bit per `AttributionMode` on the chain (`AttributionMode.bit`).
    let modes: [UInt16]

    init(_ claims: ClaimTable) {
        let records = claims.records
        article = records.map(\.article)
        origin = records.map { claims.links[Int($0.firstLink + $0.linkCount - 1)].source }
        weakestAnonymity = records.map { UInt8($0.weakestAnonymity.rank) }
        depth = records.map { UInt8(min($0.linkCount, 255)) }
        factuality = records.map { claims.links[Int($0.firstLink + $0.linkCount - 1)].factuality.position }
        modes = records.map(\.modes)
    }
}

extension Factuality {
    /// Its position in `allCases`, without a search.
    var position: UInt8 {
        switch self {
        case .certainlyTrue: 0
        case .certainlyFalse: 1
        case .probablyTrue: 2
        case .probablyFalse: 3
        case .possiblyTrue: 4
        case .possiblyFalse: 5
        case .certainOfOneOrTheOther: 6
        case .uncommitted: 7
        }
    }
}
