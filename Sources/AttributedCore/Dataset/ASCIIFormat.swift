/// `TextFormat`'s rules over ASCII bytes, without regular expressions: the same patterns, checked by hand.
/// A test compares both paths on many inputs.
enum ASCIIFormat {
    static func matches(_ bytes: [UInt8], _ format: TextFormat) -> Bool {
        switch format {
        case .partialDate: return isPartialDate(bytes[...])
        case .publicationDate:
            if isPartialDate(bytes[...]) { return true }
            guard let t = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) else { return false }
            return t == 10 && isPartialDate(bytes[..<t]) && isTimeOfDay(bytes[(t + 1)...])
        case .languageTag: return isLanguageTag(bytes)
        case .httpURL: return isHTTPURL(bytes)
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// The value of `count` digits at `start`, or nil.
    private static func number(_ bytes: ArraySlice<UInt8>, at start: Int, count: Int) -> Int? {
        guard start + count <= bytes.endIndex else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with the month in 1…12 and the day within its month.
    private static func isPartialDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.startIndex
        guard let year = number(bytes, at: start, count: 4) else { return false }
        switch bytes.count {
        case 4: return true
        case 7, 10:
            guard bytes[start + 4] == UInt8(ascii: "-"), let month = number(bytes, at: start + 5, count: 2), (1...12).contains(month)
            else { return false }
            if bytes.count == 7 { return true }
            guard bytes[start + 7] == UInt8(ascii: "-"), let day = number(bytes, at: start + 8, count: 2) else { return false }
            return (1...daysIn(month: month, year: year)).contains(day)
        default: return false
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// hh:mm:ss[.fraction] then `Z`, `z` or ±hh:mm, every field in range (second 60 is a leap second).
    private static func isTimeOfDay(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.startIndex
        guard let hour = number(bytes, at: start, count: 2), bytes.count >= 9, bytes[start + 2] == UInt8(ascii: ":"),
              let minute = number(bytes, at: start + 3, count: 2), bytes[start + 5] == UInt8(ascii: ":"),
              let second = number(bytes, at: start + 6, count: 2)
        else { return false }
        var position = start + 8
        if bytes[position] == UInt8(ascii: ".") {
            position += 1
            let digits = position
            while position < bytes.endIndex, isDigit(bytes[position]) { position += 1 }
            guard position > digits else { return false }
        }
        guard position < bytes.endIndex else { return false }
        var offsetHour = 0
        var offsetMinute = 0
        switch bytes[position] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard position + 1 == bytes.endIndex else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard position + 6 == bytes.endIndex, let h = number(bytes, at: position + 1, count: 2),
                  bytes[position + 3] == UInt8(ascii: ":"), let m = number(bytes, at: position + 4, count: 2)
            else { return false }
            offsetHour = h
            offsetMinute = m
        default: return false
        }
        return hour < 24 && minute < 60 && second <= 60 && offsetHour < 24 && offsetMinute < 60
    }

    /// `[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*`
    private static func isLanguageTag(_ bytes: [UInt8]) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(isLetter) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { isLetter($0) || isDigit($0) } }
    }

    /// `https?://[^\s/?#]+[^\s]*`
    private static func isHTTPURL(_ bytes: [UInt8]) -> Bool {
        let http = Array("http://".utf8)
        let https = Array("https://".utf8)
        let rest: ArraySlice<UInt8>
        if bytes.starts(with: https) { rest = bytes[https.count...] } else if bytes.starts(with: http) { rest = bytes[http.count...] } else { return false }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = rest.first, !isSpace(first), first != UInt8(ascii: "/"), first != UInt8(ascii: "?"), first != UInt8(ascii: "#")
        else { return false }
        return rest.allSatisfy { !isSpace($0) }
    }
}
