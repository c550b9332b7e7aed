/// The content codings a response can have (RFC 9110 §8.4.1): this server compresses with gzip only.
public enum ContentCoding: Sendable {
    case identity, gzip
}

/// Reads `Accept-Encoding` (RFC 9110 §12.5.3): gzip when the client gives it (or `x-gzip`, or `*`) a `q` above 0,
/// unless it ranks identity (by name, or by `*`) higher. Identity unlisted is acceptable but not preferred: a
/// client that lists `gzip;q=0.1` alone wants it. When nothing is acceptable (`*;q=0`), a body still goes out as
/// it is, as §12.5.3 says it should (there is no 406 for codings). An empty header asks for no coding.
///
/// It runs on every request that has the header (Python's `http.client` sends `identity` on each), so it reads the
/// bytes in place: no substring, no lowercased copy, no floating point.
enum AcceptEncoding {
    static func coding(_ header: String) -> ContentCoding {
        // What most clients send, without parsing: `identity` alone; an explicit `gzip` (q=1) first, which nothing
        // later in the list can outrank (browsers, curl --compressed, requests).
        if header == "identity" { return .identity }
        if header == "gzip" || header.hasPrefix("gzip,") { return .gzip }
        var header = header
        return header.withUTF8(coding(of:))
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `q` in thousandths (RFC 9110 §12.4.2 allows three decimals); -1 while a coding is not listed.
    private static func coding(of header: UnsafeBufferPointer<UInt8>) -> ContentCoding {
        var gzip = -1, identity = -1, any = -1
        var start = header.startIndex
        while start < header.endIndex {
            let end = header[start...].firstIndex(of: UInt8(ascii: ",")) ?? header.endIndex
            let element = header[start..<end]
            start = end + 1
            let nameEnd = element.firstIndex(of: UInt8(ascii: ";")) ?? element.endIndex
            let name = trimmed(element[..<nameEnd])
            // A coding listed twice counts at its higher `q`: the RFC leaves repeats open, and this way a stray
            // `x-gzip;q=0` beside `gzip` turns nothing off.
            if isToken(name, "gzip") || isToken(name, "x-gzip") {
                gzip = max(gzip, quality(element[nameEnd...]))
            } else if isToken(name, "identity") {
                identity = max(identity, quality(element[nameEnd...]))
            } else if name.count == 1, name.first == UInt8(ascii: "*") {
                any = max(any, quality(element[nameEnd...]))
            }
        }
        let gzipQuality = gzip >= 0 ? gzip : max(any, 0)
        let identityQuality = identity >= 0 ? identity : max(any, 0)
        return gzipQuality > 0 && gzipQuality >= identityQuality ? .gzip : .identity
    }

    /// The `q=` among `;`-separated parameters: 1000 without one, and for a value that is not a qvalue (as for
    /// `Accept`, an unreadable `q` does not turn a coding off).
    private static func quality(_ parameters: Bytes) -> Int {
        var start = parameters.startIndex
        while start < parameters.endIndex {
            let end = parameters[start...].dropFirst().firstIndex(of: UInt8(ascii: ";")) ?? parameters.endIndex
            let parameter = trimmed(parameters[start..<end].drop { $0 == UInt8(ascii: ";") })
            start = end
            guard parameter.count >= 2, parameter.first! | 0x20 == UInt8(ascii: "q"),
                  parameter[parameter.startIndex + 1] == UInt8(ascii: "=") else { continue }
            return qvalue(trimmed(parameter.dropFirst(2)))
        }
        return 1000
    }

    /// `0`, `0.5`, `0.125`, `1`, `1.000` (RFC 9110 §12.4.2) in thousandths; 1000 for anything else.
    private static func qvalue(_ value: Bytes) -> Int {
        guard let first = value.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return 1000 }
        var thousandths = first == UInt8(ascii: "1") ? 1000 : 0
        let fraction = value.dropFirst()
        guard !fraction.isEmpty else { return thousandths }
        guard fraction.first == UInt8(ascii: "."), fraction.count <= 4 else { return 1000 }
        var scale = 100
        for digit in fraction.dropFirst() {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return 1000 }
            thousandths += Int(digit - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return min(thousandths, 1000)
    }

    private static func isToken(_ bytes: Bytes, _ lowercase: StaticString) -> Bool {
        UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes)).equalsIgnoringASCIICase(lowercase)
    }

    private static func trimmed(_ bytes: Bytes) -> Bytes {
        var bytes = bytes
        while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes = bytes.dropLast() }
        return bytes
    }
}
