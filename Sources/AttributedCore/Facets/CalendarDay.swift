/// Days as consecutive integers (0 is 1970-01-01, proleptic Gregorian), so that a date range is a range of integers
/// and a month or a year is the days from its first to its last. Howard Hinnant's `days_from_civil`.
enum CalendarDay {
    static func number(year: Int, month: Int, day: Int) -> Int32 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// The inverse of `number`: (year, month 1…12, day 1…31).
    static func civil(_ dayNumber: Int32) -> (year: Int, month: Int, day: Int) {
        let z = Int(dayNumber) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// `YYYY-MM-DD` (an RFC 3339 full-date) as a day number; nil for anything else or a day the month does not have.
    static func parse(fullDate text: String) -> Int32? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = digits(bytes[0..<4]), let month = digits(bytes[5..<7]), let day = digits(bytes[8..<10]),
              (1...12).contains(month), (1...daysIn(year: year, month: month)).contains(day)
        else { return nil }
        return number(year: year, month: month, day: day)
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : value
    }
}

/// The calendar period an article's `published` names: a day (`2016-03-14`, or the date of a date-time as written),
/// a month (`2016-03`) or a year (`2016`). Its month key is `year * 12 + month - 1`.
struct PublicationPeriod: Sendable, Equatable {
    enum Precision: UInt8, Sendable { case year, month, day }

    let precision: Precision
    let year: Int
    /// 1…12; nil for a year.
    let month: Int?
    /// The first and last day it covers.
    let first: Int32
    let last: Int32

    init?(_ published: String) {
        let bytes = Array(published.utf8)
        guard bytes.count >= 4, let year = CalendarDay.digits(bytes[0..<4]) else { return nil }
        self.year = year
        guard bytes.count >= 7 else {
            (precision, month) = (.year, nil)
            first = CalendarDay.number(year: year, month: 1, day: 1)
            last = CalendarDay.number(year: year, month: 12, day: 31)
            return
        }
        guard let month = CalendarDay.digits(bytes[5..<7]), (1...12).contains(month) else { return nil }
        self.month = month
        guard bytes.count >= 10 else {
            precision = .month
            first = CalendarDay.number(year: year, month: month, day: 1)
            last = CalendarDay.number(year: year, month: month, day: CalendarDay.daysIn(year: year, month: month))
            return
        }
        guard let day = CalendarDay.digits(bytes[8..<10]) else { return nil }
        precision = .day
        first = CalendarDay.number(year: year, month: month, day: day)
        last = first
    }

    var monthKey: Int? { month.map { year * 12 + $0 - 1 } }

    /// `2016-03` for a month key.
    static func monthLabel(_ key: Int) -> String { "\(fourDigits(key / 12))-\(twoDigits(key % 12 + 1))" }
    static func yearLabel(_ year: Int) -> String { fourDigits(year) }

    /// The first and last day of a month key, or of a year: what a `month` or `year` facet value's toggle filters on.
    static func days(ofMonth key: Int) -> (first: String, last: String) {
        let (year, month) = (key / 12, key % 12 + 1)
        let prefix = "\(fourDigits(year))-\(twoDigits(month))-"
        return (prefix + "01", prefix + twoDigits(CalendarDay.daysIn(year: year, month: month)))
    }

    static func days(ofYear year: Int) -> (first: String, last: String) {
        ("\(fourDigits(year))-01-01", "\(fourDigits(year))-12-31")
    }

    private static func fourDigits(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
