import AttributedCore

/// A write's body while libmicrohttpd hands it over chunk by chunk: held in `*con_cls` (retained there, released
/// when the request completes), with the request's state. Past `limit` the rest is discarded and the answer is 413.
final class PendingBody: @unchecked Sendable {  // the body is filled on the connection's thread only; `answer` is locked
    let state: RequestState
    let limit: Int
    private(set) var bytes: [UInt8] = []
    private(set) var tooLarge = false
    /// Set once the write is handed to the writer, so that the call after the resume does not hand it over again.
    var dispatched = false
    /// The write's answer, set by the thread that committed it, read by the connection's thread after the resume.
    let answer = Locked<Response?>(nil)

    init(state: RequestState, limit: Int) {
        self.state = state
        self.limit = limit
    }

    var retainedPointer: UnsafeMutableRawPointer { Unmanaged.passRetained(self).toOpaque() }

    /// The body a `*con_cls` pointer holds, if it holds one rather than a packed `RequestState`.
    static func of(_ pointer: UnsafeMutableRawPointer) -> PendingBody? {
        UInt(bitPattern: pointer) & RequestState.packedTag != 0 ? nil : Unmanaged<PendingBody>.fromOpaque(pointer).takeUnretainedValue()
    }

    func append(_ chunk: UnsafeRawBufferPointer) {
        guard !tooLarge else { return }
        guard bytes.count + chunk.count <= limit else {
            tooLarge = true
            bytes = []
            return
        }
        bytes += chunk
    }
}
