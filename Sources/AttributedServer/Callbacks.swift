import AttributedCore
import CMicroHTTPD
import Glibc
import Synchronization

// libmicrohttpd's callbacks: free functions in a file that is not main.swift, so that they carry no actor
// isolation (a closure at the top level of main.swift would be @MainActor and trap on an MHD thread).

/// What `*con_cls` holds for a request: a tag, not an allocation.
enum RequestState: Int {
    /// Set by `refuseExcessQueryParameters` before the first call: the query was cut off.
    case tooManyQueryParameters = 2
    /// The first call has been made.
    case started = 1
    case startedWithTooManyQueryParameters = 3

    init?(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return nil }
        self.init(rawValue: Int(bitPattern: pointer))
    }

    var pointer: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: rawValue) }
}

/// Called once when the headers are in, again per body chunk, and once more when the request is complete.
/// A normal answer is given on the last call: answering on the first makes MHD close the connection
/// (no keep-alive), so the first call only rejects what must not be read any further.
func handleAccess(_ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
                  _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
                  _ uploadDataSize: UnsafeMutablePointer<Int>?,
                  _ requestState: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> MHD_Result {
    guard let cls, let connection, let url, let method, let uploadDataSize, let requestState else { return .NO }
    let server = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
    let state = RequestState(requestState.pointee)

    if state == nil || state == .tooManyQueryParameters {
        requestState.pointee = (state == nil ? RequestState.started : .startedWithTooManyQueryParameters).pointer
        server.inFlight.wrappingAdd(1, ordering: .relaxed)
        let methodName = String(cString: method)
        if !API.isAllowed(method: methodName) {
            let request = Request(method: methodName, path: String(cString: url))
            return ResponseSender.send(server.api.respond(to: request, store: nil), on: connection, server: server, dataset: nil)
        }
        if RequestReader.announcesBody(connection) {
            let problem = Problem.bodyNotAllowed.response(instance: String(cString: url))
            return ResponseSender.send(problem, on: connection, server: server, dataset: nil)
        }
        return .YES
    }
    if uploadDataSize.pointee != 0 {
        // Unreachable after the first-call check; discard rather than spin if it ever happens.
        uploadDataSize.pointee = 0
        return .YES
    }
    if state == .startedWithTooManyQueryParameters {
        let problem = Problem.tooManyParameters(limit: API.maximumQueryParameters).response(instance: String(cString: url))
        return ResponseSender.send(problem, on: connection, server: server, dataset: nil)
    }
    let request = RequestReader.request(connection, url: url, method: method)
    let dataset = server.dataset
    return ResponseSender.send(server.api.respond(to: request, store: dataset?.store), on: connection, server: server,
                               dataset: dataset)
}

/// Called once per request, however it ended (also on timeout or a dropped client).
func requestCompleted(_ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                      _ requestState: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ reason: MHD_RequestTerminationCode) {
    guard let cls, let requestState else { return }
    // Only requests the access handler has seen were counted in.
    if let state = RequestState(requestState.pointee), state != .tooManyQueryParameters {
        let server = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
        server.inFlight.wrappingSubtract(1, ordering: .relaxed)
    }
    requestState.pointee = nil
}

/// Sees the raw request target before MHD parses its query. MHD stores every argument in the connection's small
/// memory pool, and when a few hundred of them fill it, 0.9.75 neither answers nor closes until the idle timeout.
/// So past the limit the query is cut off right after '?' (MHD found the '?' before this call, then parses what
/// follows it, now nothing), and the request is tagged to be answered 400 too-many-parameters.
func refuseExcessQueryParameters(_ cls: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?,
                                 _ connection: OpaquePointer?) -> UnsafeMutableRawPointer? {
    guard let uri, let question = strchr(uri, Int32(UInt8(ascii: "?"))) else { return nil }
    var parameters = 1
    var cursor = question + 1
    while cursor.pointee != 0 {
        if cursor.pointee == CChar(UInt8(ascii: "&")) { parameters += 1 }
        cursor += 1
    }
    guard parameters > API.maximumQueryParameters else { return nil }
    // The target lives in the connection's writable read buffer; MHD passes it as const only by convention.
    UnsafeMutablePointer(mutating: question + 1).pointee = 0
    return RequestState.tooManyQueryParameters.pointer
}

/// Percent-decodes the path and query in place, like MHD's default, except that `%00` stays as written:
/// the default turns it into a NUL that silently truncates the C string (`/v1/claims/c01%00x` would become
/// `/v1/claims/c01`). Left literal, it cannot match any id and is answered 404.
func percentDecodeKeepingNUL(_ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                             _ string: UnsafeMutablePointer<CChar>?) -> Int {
    guard let string else { return 0 }
    let bytes = UnsafeMutableRawPointer(string).assumingMemoryBound(to: UInt8.self)
    var read = 0
    var write = 0
    while bytes[read] != 0 {
        if bytes[read] == UInt8(ascii: "%"), let high = hexValue(bytes[read + 1]), let low = hexValue(bytes[read + 2]),
           high | low != 0 {
            bytes[write] = high << 4 | low
            read += 3
        } else {
            bytes[write] = bytes[read]
            read += 1
        }
        write += 1
    }
    bytes[write] = 0
    return write
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
