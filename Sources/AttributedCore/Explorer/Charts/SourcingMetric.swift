/// What the corpus page draws over time: shares of a period's claims (docs/indicators.md's counts over its claims).
enum SourcingMetric: String, CaseIterable {
    case unnamed, namedOrigin = "named-origin", secondHand = "second-hand", hedged

    var title: String {
        switch self {
        case .unnamed: "Claims resting on an unnamed source"
        case .namedOrigin: "Claims from a named origin"
        case .secondHand: "Second-hand claims"
        case .hedged: "Hedged claims"
        }
    }

    var explanation: String {
        switch self {
        case .unnamed: "The weakest source on the chain is not named: partially identified, anonymous or unspecified."
        case .namedOrigin: "The origin, the last source on the chain, is named."
        case .secondHand: "The source the paper quotes relays someone else (three links or more)."
        case .hedged: "The origin does not present the content as certain, or presents it as a belief."
        }
    }

    func count(_ counts: SourcingCounts) -> Int {
        switch self {
        case .unnamed: Int(counts.claims - counts.byWeakestAnonymity.named)
        case .namedOrigin: Int(counts.namedOrigin)
        case .secondHand: Int(counts.secondHand)
        case .hedged: Int(counts.hedged)
        }
    }

    /// `42%` (rounded half up), `–` without claims.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : "\((part * 200 + whole) / (whole * 2))%"
    }
}
