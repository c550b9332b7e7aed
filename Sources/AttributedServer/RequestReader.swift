import AttributedCore
import CMicroHTTPD
import Foundation
import Glibc

/// Takes what the API needs out of a libmicrohttpd connection. The strings MHD hands over live only during the
/// callback, so everything is copied into Swift values.
enum RequestReader {
    static func request(_ connection: OpaquePointer, url: UnsafePointer<CChar>, method: UnsafePointer<CChar>) -> Request {
        var headers = HeaderScan()
        withUnsafeMutablePointer(to: &headers) { _ = MHD_get_connection_values_n(connection, .HEADER_KIND, scanHeader, $0) }
        var query = QueryScan()
        withUnsafeMutablePointer(to: &query) { _ = MHD_get_connection_values_n(connection, .GET_ARGUMENT_KIND, collectQueryItem, $0) }
        return Request(method: String(cString: method), path: String(cString: url), query: query.items,
                       ifNoneMatch: headers.ifNoneMatch, accept: headers.accept, acceptEncoding: headers.acceptEncoding,
                       prefer: headers.prefer, authorization: headers.authorization, ifMatch: headers.ifMatch,
                       contentType: headers.contentType,
                       clientAddress: headers.authorization == nil ? nil : ClientAddress.of(connection),
                       lastEventID: headers.lastEventID)
    }

    /// The announced body length: nil without one (or with several, which MHD itself refuses).
    static func contentLength(_ connection: OpaquePointer) -> Int? {
        guard let value = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length") else { return nil }
        return Int(String(cString: value).trimmingCharacters(in: .whitespaces))
    }

    /// GET, HEAD and OPTIONS carry no body. One that announces a body (Transfer-Encoding, a non-zero
    /// Content-Length, or several Content-Length headers, a request-smuggling vector) is refused before MHD
    /// would wait for that body.
    static func announcesBody(_ connection: OpaquePointer) -> Bool {
        var headers = HeaderScan()
        withUnsafeMutablePointer(to: &headers) { _ = MHD_get_connection_values_n(connection, .HEADER_KIND, scanHeader, $0) }
        return headers.hasTransferEncoding || headers.contentLengthCount > 1 || headers.hasNonZeroContentLength
    }
}

struct HeaderScan {
    var hasTransferEncoding = false
    var contentLengthCount = 0
    var hasNonZeroContentLength = false
    var ifNoneMatch: String?
    var accept: String?
    var acceptEncoding: String?
    var prefer: String?
    var authorization: String?
    var ifMatch: String?
    var contentType: String?
    var lastEventID: String?
}

struct QueryScan {
    /// One more than the API accepts, so that it can tell "too many" from "just enough".
    static let maximumItems = API.maximumQueryParameters + 1
    var items: [QueryItem] = []
}

private func scanHeader(_ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?, _ keySize: Int,
                        _ value: UnsafePointer<CChar>?, _ valueSize: Int) -> MHD_Result {
    guard let scan = cls?.assumingMemoryBound(to: HeaderScan.self), let key else { return .YES }
    let name = UnsafeRawBufferPointer(start: key, count: keySize)
    // By length first: each header is compared with one name at most (this runs for every header of every request).
    switch keySize {
    case 17 where name.equalsIgnoringASCIICase("transfer-encoding"):
        scan.pointee.hasTransferEncoding = true
    case 14 where name.equalsIgnoringASCIICase("content-length"):
        scan.pointee.contentLengthCount += 1
        let digits = UnsafeRawBufferPointer(start: value, count: value == nil ? 0 : valueSize)
        if !digits.allSatisfy({ $0 == UInt8(ascii: "0") }) || digits.isEmpty { scan.pointee.hasNonZeroContentLength = true }
    case 13 where name.equalsIgnoringASCIICase("if-none-match"):
        if let value { scan.pointee.ifNoneMatch = joined(scan.pointee.ifNoneMatch, value, valueSize) }
    case 6 where name.equalsIgnoringASCIICase("accept"):
        if let value { scan.pointee.accept = joined(scan.pointee.accept, value, valueSize) }
    case 6 where name.equalsIgnoringASCIICase("prefer"):
        if let value { scan.pointee.prefer = joined(scan.pointee.prefer, value, valueSize) }
    case 13 where name.equalsIgnoringASCIICase("authorization"):
        if let value { scan.pointee.authorization = joined(scan.pointee.authorization, value, valueSize) }
    case 13 where name.equalsIgnoringASCIICase("last-event-id"):
        if let value { scan.pointee.lastEventID = joined(scan.pointee.lastEventID, value, valueSize) }
    case 8 where name.equalsIgnoringASCIICase("if-match"):
        if let value { scan.pointee.ifMatch = joined(scan.pointee.ifMatch, value, valueSize) }
    case 12 where name.equalsIgnoringASCIICase("content-type"):
        if let value { scan.pointee.contentType = joined(scan.pointee.contentType, value, valueSize) }
    case 15 where name.equalsIgnoringASCIICase("accept-encoding"):
        // `identity` alone (what Python's http.client sends on every request) asks for what no header does.
        if let value, !(valueSize == 8 && memcmp(value, "identity", 8) == 0) {
            scan.pointee.acceptEncoding = joined(scan.pointee.acceptEncoding, value, valueSize)
        }
    default:
        break
    }
    return .YES
}

/// A header's values so far and one more, as one comma-separated list (RFC 9110 §5.3).
private func joined(_ earlier: String?, _ value: UnsafePointer<CChar>, _ size: Int) -> String {
    let text = String(decoding: UnsafeRawBufferPointer(start: value, count: size), as: UTF8.self)
    return earlier.map { "\($0), \(text)" } ?? text
}

private func collectQueryItem(_ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?,
                              _ keySize: Int, _ value: UnsafePointer<CChar>?, _ valueSize: Int) -> MHD_Result {
    guard let scan = cls?.assumingMemoryBound(to: QueryScan.self) else { return .NO }
    // Invalid UTF-8 becomes U+FFFD rather than a crash; a NULL value is `?flag` without `=`.
    let name = key.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: keySize), as: UTF8.self) } ?? ""
    let text = value.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: valueSize), as: UTF8.self) }
    scan.pointee.items.append(QueryItem(name, text))
    return scan.pointee.items.count < QueryScan.maximumItems ? .YES : .NO
}
