extension Store {
    public func article(_ id: String) -> Article? { articleIndex[id].map { articles[$0] } }
    public func entity(_ id: String) -> Entity? { entityIndex[id].map { entities[$0] } }
    public func claim(_ id: String) -> Claim? { claimIndex[id].map { claims[$0] } }

    public var counts: (articles: Int, entities: Int, claims: Int) { (articles.count, entities.count, claims.count) }

    /// The computed chain facts the API shows with a claim.
    public func weakestAnonymity(ofClaim id: String) -> Anonymity? {
        claimIndex[id].map { claimFacts[$0].weakestAnonymity }
    }
}
