/// How the explorer spells the dataset's closed vocabularies for people: `partially_identified` → "partially
/// identified", and FactBank's values with their meaning.
extension JSONVocabulary {
    var displayName: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

extension EntityKind {
    var displayName: String { rawValue }
}

extension Factuality {
    /// "CT+ (certain)": the code readers of FactBank know, and what it means.
    var explained: String {
        let meaning = switch self {
        case .certainlyTrue: "certain"
        case .certainlyFalse: "certainly not"
        case .probablyTrue: "probable"
        case .probablyFalse: "probably not"
        case .possiblyTrue: "possible"
        case .possiblyFalse: "possibly not"
        case .certainOfOneOrTheOther: "certain, but of which is unknown"
        case .uncommitted: "uncommitted"
        }
        return "\(rawValue) (\(meaning))"
    }
}

extension Entity {
    /// Its name, else the text's own words for it, else its id: what a reader can recognise.
    var label: String { name ?? descriptor ?? id }
}
