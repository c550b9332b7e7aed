import AttributedCore

/// Requests made from fuzz bytes the way the server makes them from libmicrohttpd's (RequestReader): MHD splits the
/// target at `?`, percent-decodes the path, splits the query at `&` and `=`, decodes `+` and `%HH`; the bridge
/// copies each string, invalid UTF-8 becoming U+FFFD, and stops after one parameter more than the API accepts.
public enum FuzzRequest {
    /// Input lines: the request target, then optionally the method, `Accept` and `If-None-Match`.
    public static func make(_ bytes: [UInt8]) -> Request {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 3, omittingEmptySubsequences: false)
        let target = lines[0]
        let question = target.firstIndex(of: UInt8(ascii: "?"))
        let path = cString(decoded(target[..<(question ?? target.endIndex)], plus: false))
        let query = question.map { queryItems(target[($0 + 1)...]) } ?? []
        let method = lines.count > 1 && !lines[1].isEmpty ? cString(Array(lines[1])) : "GET"
        return Request(method: method, path: path, query: query,
                       ifNoneMatch: lines.count > 3 ? cString(Array(lines[3])) : nil,
                       accept: lines.count > 2 ? cString(Array(lines[2])) : nil)
    }

    /// The query items of a query string (what follows `?`), at most one more than the API accepts.
    public static func queryItems(_ query: ArraySlice<UInt8>) -> [QueryItem] {
        var items: [QueryItem] = []
        for pair in query.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = String(decoding: decoded(pair[..<(equals ?? pair.endIndex)], plus: true), as: UTF8.self)
            let value = equals.map { String(decoding: decoded(pair[($0 + 1)...], plus: true), as: UTF8.self) }
            items.append(QueryItem(name, value))
            if items.count > API.maximumQueryParameters { break }
        }
        return items
    }

    /// `%HH` decoded (anything else kept as is), and `+` as a space in a query.
    static func decoded(_ bytes: ArraySlice<UInt8>, plus: Bool) -> [UInt8] {
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]),
               let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(plus && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// What `String(cString:)` makes of bytes handed over as a C string: cut at the first NUL.
    private static func cString(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
}
