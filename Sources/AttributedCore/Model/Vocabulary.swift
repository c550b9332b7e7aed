// The closed vocabularies of the dataset format (docs/dataset-format.md). Raw values are the JSON spellings.

public enum EntityKind: String, CaseIterable, Sendable {
    case person, organization, publication, place, document, group, anonymous, unspecified
}

/// How identifiable a source is. Declared from the most to the least identified, so `max` is the weakest.
public enum Anonymity: String, CaseIterable, Sendable, Comparable {
    case named
    case partiallyIdentified = "partially_identified"
    case anonymous
    case unspecified

    public static func < (lhs: Anonymity, rhs: Anonymity) -> Bool { lhs.rank < rhs.rank }

    /// 0 for named up to 3 for unspecified: the declaration order, without a search through `allCases`.
    var rank: Int {
        switch self {
        case .named: 0
        case .partiallyIdentified: 1
        case .anonymous: 2
        case .unspecified: 3
        }
    }
}

public enum ArticleField: String, CaseIterable, Sendable {
    case headline, summary, body
}

/// How a source's words reach the previous link (after PARC and NewsSources).
public enum AttributionMode: String, CaseIterable, Sendable {
    case narration
    case directQuote = "direct_quote"
    case indirectSpeech = "indirect_speech"
    case mixedQuote = "mixed_quote"
    case documentCitation = "document_citation"
    case impersonalReport = "impersonal_report"
    case declinedComment = "declined_comment"
    case observation
}

/// PDTB attribution types: Comm, PAtt, Ftv, Ctrl.
public enum AttributionType: String, CaseIterable, Sendable {
    case assertion, belief, fact, eventuality
}

/// FactBank factuality values: how firmly the source of a link presents the content.
public enum Factuality: String, CaseIterable, Sendable {
    case certainlyTrue = "CT+"
    case certainlyFalse = "CT-"
    case probablyTrue = "PR+"
    case probablyFalse = "PR-"
    case possiblyTrue = "PS+"
    case possiblyFalse = "PS-"
    case certainOfOneOrTheOther = "CTu"
    case uncommitted = "Uu"
}

/// How the previous link relays this one: verbatim or in its own words (PROV Quotation vs Derivation).
public enum Derivation: String, CaseIterable, Sendable {
    case quotation, paraphrase
}
