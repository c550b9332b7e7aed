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
        // Regex matching is slow enough to dominate a load of many articles; ASCII input takes a byte-level path
        // that accepts exactly what the patterns accept. Anything else goes through the patterns themselves.
        if value.utf8.allSatisfy({ $0 < 0x80 }) { return ASCIIFormat.matches(Array(value.utf8), self) }
        return matchesByPattern(value)
    }

    func matchesByPattern(_ value: String) -> Bool {
        switch self {
        case .partialDate: return Self.isPartialDate(value)
        case .publicationDate:
            if Self.isPartialDate(value) { return true }
            guard let t = value.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return false }
            return value[..<t].split(separator: "-").count == 3 && Self.isPartialDate(String(value[..<t]))
                && Self.isTimeOfDay(value[value.index(after: t)...])
        case .languageTag:
            return value.wholeMatch(of: /[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*/) != nil
        case .httpURL:
            return value.wholeMatch(of: /https?:\/\/[^\s\/?#]+[^\s]*/) != nil
        }
    }

    private static func isPartialDate(_ value: String) -> Bool {
        guard let match = value.wholeMatch(of: /(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/) else { return false }
        if let month = match.2.flatMap({ Int($0) }), !(1...12).contains(month) { return false }
        if let day = match.3.flatMap({ Int($0) }), let month = match.2.flatMap({ Int($0) }), let year = Int(match.1),
           !(1...daysIn(month: month, year: year)).contains(day) { return false }
        return true
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// RFC 3339 `time`: hh:mm:ss[.fraction] and `Z` or an offset, every field in range (second 60 is a leap second).
    private static func isTimeOfDay(_ value: Substring) -> Bool {
        guard let match = value.wholeMatch(of: /(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))/),
              let hour = Int(match.1), let minute = Int(match.2), let second = Int(match.3)
        else { return false }
        let offsetHour = match.4.flatMap { Int($0) } ?? 0
        let offsetMinute = match.5.flatMap { Int($0) } ?? 0
        return hour < 24 && minute < 60 && second <= 60 && offsetHour < 24 && offsetMinute < 60
    }
}
