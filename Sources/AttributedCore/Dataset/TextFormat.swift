/// Syntax rules for the few formatted strings of the dataset.
enum TextFormat: CustomStringConvertible {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the text gives it.
    case partialDate
    /// A partial date, or an RFC 3339 date-time.
    case publicationDate
    case languageTag
    case httpURL

    var description: String {
        switch self {
        case .partialDate: "a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        case .publicationDate: "a date (YYYY, YYYY-MM, YYYY-MM-DD) or an RFC 3339 date-time"
        case .languageTag: "a BCP 47 language tag such as \"en\" or \"ur-PK\""
        case .httpURL: "an absolute http or https URL"
        }
    }

    func matches(_ value: String) -> Bool {
        switch self {
        case .partialDate: return Self.isPartialDate(value)
        case .publicationDate:
            if Self.isPartialDate(value) { return true }
            guard let t = value.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return false }
            return value[..<t].split(separator: "-").count == 3 && Self.isPartialDate(String(value[..<t]))
                && value[value.index(after: t)...].wholeMatch(of: /\d{2}:\d{2}:\d{2}(\.\d+)?(Z|z|[+-]\d{2}:\d{2})/) != nil
        case .languageTag:
            return value.wholeMatch(of: /[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*/) != nil
        case .httpURL:
            return value.wholeMatch(of: /https?:\/\/[^\s\/?#]+[^\s]*/) != nil
        }
    }

    private static func isPartialDate(_ value: String) -> Bool {
        guard let match = value.wholeMatch(of: /(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/) else { return false }
        if let month = match.2.flatMap({ Int($0) }), !(1...12).contains(month) { return false }
        if let day = match.3.flatMap({ Int($0) }), !(1...31).contains(day) { return false }
        return true
    }
}
