import AttributedCore
import CMicroHTTPD
import Foundation
import Glibc

// libmicrohttpd's callbacks: free functions in a file that is not main.swift, so that they carry no actor
// isolation (a closure at the top level of main.swift would be @MainActor and trap on an MHD thread).

/// What `*con_cls` holds for a request without a body: not an allocation, but its start time and two flags packed
/// into the pointer's bits, with bit 2 set to tell it from a `PendingBody` (an object, 16-byte aligned). Monotonic
/// nanoseconds fit in the 61 bits left for seven decades of uptime.
struct RequestState {
    /// The first access call has been made.
    var started: Bool
    /// Set by `beginRequest` before the first call: the query was cut off.
    var tooManyQueryParameters: Bool
    /// When the request line was read (CLOCK_MONOTONIC nanoseconds).
    var startNanoseconds: UInt64

    init(started: Bool = false, tooManyQueryParameters: Bool = false, startNanoseconds: UInt64 = RequestState.now()) {
        self.started = started
        self.tooManyQueryParameters = tooManyQueryParameters
        self.startNanoseconds = startNanoseconds
    }

    /// nil when MHD holds nothing yet for the request.
    init?(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return nil }
        if let pending = PendingBody.of(pointer) {
            self = pending.state
            return
        }
        let bits = UInt(bitPattern: pointer)
        self.init(started: bits & 1 != 0, tooManyQueryParameters: bits & 2 != 0, startNanoseconds: UInt64(bits >> 3))
    }

    static let packedTag: UInt = 4

    var pointer: UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(bitPattern: UInt(startNanoseconds) << 3 | Self.packedTag | (tooManyQueryParameters ? 2 : 0)
                                | (started ? 1 : 0))
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
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
    var state = RequestState(requestState.pointee) ?? RequestState()

    if !state.started {
        state.started = true
        requestState.pointee = state.pointer
        server.metrics.inFlight.wrappingAdd(1, ordering: .relaxed)
        let methodName = String(cString: method)
        if !server.api.allows(method: methodName) {
            let request = Request(method: methodName, path: String(cString: url))
            return answer(server.api.respond(to: request, store: nil), on: connection, server: server, dataset: nil,
                          method: method, state: state)
        }
        if !API.isAllowed(method: methodName), let access = server.api.access {
            // A write: its body is read into a `PendingBody`, unless it announces more than --max-body (413 unread).
            if let length = RequestReader.contentLength(connection), length > access.maxBody {
                let path = String(cString: url)
                let problem = server.api.labelled(Problem.payloadTooLarge(limit: access.maxBody).response(instance: path), path: path)
                return answer(problem, on: connection, server: server, dataset: nil, method: method, state: state)
            }
            requestState.pointee = PendingBody(state: state, limit: access.maxBody).retainedPointer
            return .YES
        }
        if RequestReader.announcesBody(connection) {
            let path = String(cString: url)
            let problem = server.api.labelled(Problem.bodyNotAllowed.response(instance: path), path: path)
            return answer(problem, on: connection, server: server, dataset: nil, method: method, state: state)
        }
        // While a stop drains, answer at once: MHD closes a connection answered early, so a keep-alive client
        // cannot hold the drain open with request after request.
        return server.isStopping ? respond(connection, url: url, method: method, server: server, state: state) : .YES
    }
    if let pending = requestState.pointee.flatMap(PendingBody.of) {
        if uploadDataSize.pointee != 0, let uploadData {
            pending.append(UnsafeRawBufferPointer(start: uploadData, count: uploadDataSize.pointee))
            uploadDataSize.pointee = 0
            return .YES
        }
        return respondToWrite(connection, url: url, method: method, server: server, pending: pending)
    }
    if uploadDataSize.pointee != 0 {
        // Unreachable after the first-call check; discard rather than spin if it ever happens.
        uploadDataSize.pointee = 0
        return .YES
    }
    return respond(connection, url: url, method: method, server: server, state: state)
}

/// Answers a write once its whole body is in. It runs on the connection's worker thread until the change is
/// durable and visible (or refused).
private func respondToWrite(_ connection: OpaquePointer, url: UnsafePointer<CChar>, method: UnsafePointer<CChar>,
                            server: ServerContext, pending: PendingBody) -> MHD_Result {
    let path = String(cString: url)
    guard !pending.tooLarge else {
        let problem = Problem.payloadTooLarge(limit: pending.limit).response(instance: path)
        return answer(server.api.labelled(problem, path: path), on: connection, server: server, dataset: nil, method: method,
                      state: pending.state)
    }
    if let response = pending.answer.withLock({ $0 }) {
        return answer(response, on: connection, server: server, dataset: server.dataset, method: method, state: pending.state)
    }
    guard !pending.dispatched else { return .YES }  // resumed before the answer was set: cannot happen, but never twice
    pending.dispatched = true
    var request = RequestReader.request(connection, url: url, method: method)
    request.body = pending.bytes
    // Suspended, not blocked: the commit runs on a thread of its own while this worker serves its other connections;
    // the resume brings MHD back here, with the answer set.
    nonisolated(unsafe) let suspended = connection
    server.suspendedWrites.wrappingAdd(1, ordering: .relaxed)
    MHD_suspend_connection(connection)
    // A thread per write, not a dispatch queue: each blocks until its commit, and the dispatch pool adds threads for
    // blocked work only slowly, which would keep concurrent writes from meeting in one commit.
    Thread.detachNewThread { [request] in
        let response = server.api.respond(to: request, store: nil)
        pending.answer.withLock { $0 = response }
        MHD_resume_connection(suspended)
        server.suspendedWrites.wrappingSubtract(1, ordering: .releasing)
    }
    return .YES
}

/// Answers a request whose headers are in and which has no body.
private func respond(_ connection: OpaquePointer, url: UnsafePointer<CChar>, method: UnsafePointer<CChar>,
                     server: ServerContext, state: RequestState) -> MHD_Result {
    if state.tooManyQueryParameters {
        let path = String(cString: url)
        let problem = server.api.tooManyParameters(path: path)
        return answer(problem, on: connection, server: server, dataset: nil, method: method, state: state)
    }
    let request = RequestReader.request(connection, url: url, method: method)
    let dataset = server.dataset
    return answer(server.api.respond(to: request, store: dataset?.store), on: connection, server: server,
                  dataset: dataset, method: method, state: state)
}

/// Queues the response, then counts the request (route, method, status) and how long it took to get this far,
/// and logs it when the access log is on.
private func answer(_ response: Response, on connection: OpaquePointer, server: ServerContext, dataset: ServedDataset?,
                    method: UnsafePointer<CChar>, state: RequestState) -> MHD_Result {
    let methodIndex = RequestMetrics.methodIndex(UnsafeRawBufferPointer(start: method, count: strlen(method)))
    let sent = ResponseSender.send(response, on: connection, server: server, dataset: dataset, isHead: methodIndex == 1)
    let nanoseconds = RequestState.now() &- state.startNanoseconds
    server.requestMetrics.record(route: response.route, method: methodIndex, status: response.status, nanoseconds: nanoseconds)
    if let accessLog = server.accessLog {
        let record = ConnectionLog.of(connection)
        let entry = AccessLogEntry(
            time: AccessLogEntry.now(), client: record?.client ?? "-", method: String(cString: method),
            target: record?.target ?? "-", status: response.status,
            bytes: methodIndex == 1 ? 0 : sent.bodyBytes, durationMicroseconds: nanoseconds / 1000,
            userAgent: MHD_lookup_connection_value(connection, .HEADER_KIND, "User-Agent").map { String(cString: $0) },
            dataset: dataset?.store.version, token: tokenName(on: connection, server: server))
        accessLog.append(entry.line())
    }
    return sent.result
}

/// The name of the token a request was sent with, for its access-log line: looked up only on a server with tokens and
/// the log on, so that the hot path neither hashes nor carries it.
private func tokenName(on connection: OpaquePointer, server: ServerContext) -> String? {
    guard let access = server.api.access,
          let header = MHD_lookup_connection_value(connection, .HEADER_KIND, "Authorization") else { return nil }
    return access.tokenName(forAuthorization: String(cString: header))
}

/// Called once per request, however it ended (also on timeout or a dropped client).
func requestCompleted(_ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                      _ requestState: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ reason: MHD_RequestTerminationCode) {
    guard let cls, let requestState else { return }
    // Only requests the access handler has seen were counted in.
    if let state = RequestState(requestState.pointee), state.started {
        let server = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
        server.metrics.inFlight.wrappingSubtract(1, ordering: .relaxed)
    }
    if let pointer = requestState.pointee, PendingBody.of(pointer) != nil {
        Unmanaged<PendingBody>.fromOpaque(pointer).release()
    }
    requestState.pointee = nil
}

/// Called for every connection MHD accepts: once a stop has begun, new connections are closed at once, so that
/// the requests already running are the last ones (see `HTTPServer.shutdown`).
func acceptPolicy(_ cls: UnsafeMutableRawPointer?, _ address: UnsafePointer<sockaddr>?, _ length: socklen_t) -> MHD_Result {
    guard let cls else { return .YES }
    return Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue().isStopping ? .NO : .YES
}

/// Called when a client connection opens and when it closes: the open-connections gauge.
func connectionNotified(_ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                        _ socketContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ code: MHD_ConnectionNotificationCode) {
    guard let cls else { return }
    let server = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
    // MHD_CONNECTION_NOTIFY_STARTED and _CLOSED: the enum imports without case names.
    switch code.rawValue {
    case 0:
        server.metrics.openConnections.wrappingAdd(1, ordering: .relaxed)
        if server.accessLog != nil, let connection, let socketContext {
            socketContext.pointee = Unmanaged.passRetained(ConnectionLog(connection)).toOpaque()
        }
    case 1:
        server.metrics.openConnections.wrappingSubtract(1, ordering: .relaxed)
        if let socketContext, let record = socketContext.pointee {
            Unmanaged<ConnectionLog>.fromOpaque(record).release()
            socketContext.pointee = nil
        }
    default: break
    }
}

/// The first callback of a request, as soon as its request line is read: notes the time (the start of its
/// duration), and sees the raw target before MHD parses its query. MHD stores every argument in the connection's
/// small memory pool, and when a few hundred of them fill it, 0.9.75 neither answers nor closes until the idle
/// timeout. So past the limit the query is cut off right after '?' (MHD found the '?' before this call, then
/// parses what follows it, now nothing), and the request is tagged to be answered 400 too-many-parameters.
func beginRequest(_ cls: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?,
                  _ connection: OpaquePointer?) -> UnsafeMutableRawPointer? {
    let state = RequestState()
    if let cls, let uri, let connection, Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue().accessLog != nil {
        ConnectionLog.of(connection)?.target = String(cString: uri)  // before the query is cut below, or decoded
    }
    guard let uri, let question = strchr(uri, Int32(UInt8(ascii: "?"))) else { return state.pointer }
    var parameters = 1
    var cursor = question + 1
    while cursor.pointee != 0 {
        if cursor.pointee == CChar(UInt8(ascii: "&")) { parameters += 1 }
        cursor += 1
    }
    guard parameters > API.maximumQueryParameters else { return state.pointer }
    // The target lives in the connection's writable read buffer; MHD passes it as const only by convention.
    UnsafeMutablePointer(mutating: question + 1).pointee = 0
    return RequestState(tooManyQueryParameters: true, startNanoseconds: state.startNanoseconds).pointer
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
