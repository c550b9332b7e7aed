import AttributedCore
import CMicroHTTPD
import CMicroHTTPDShim
import Glibc

/// A live follower of the feed as a libmicrohttpd callback response. With nothing to send, the reader suspends the
/// connection and answers 0 (the documented way to wait without MHD's loop spinning); the follower's hub resumes
/// it for a new change, a heartbeat or the end. MHD frees the follower when the response is done with.
enum EventStreamResponse {
    /// The kernel's send buffer of a follower's socket: what a client that stops reading can leave queued there
    /// (Linux doubles it), beyond the one chunk MHD holds. Without it, autotuning would let it grow to megabytes.
    static let sendBuffer: Int32 = 64 * 1024

    static func make(_ follower: FeedFollower, on connection: OpaquePointer, headers: [HTTPHeader]) -> OpaquePointer? {
        nonisolated(unsafe) let suspended = connection
        follower.bind(park: { MHD_suspend_connection(suspended) }, wake: { MHD_resume_connection(suspended) })
        let socket = CMicroHTTPDShim_connection_fd(connection)
        if socket >= 0 {
            var size = sendBuffer
            _ = setsockopt(socket, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        let retained = Unmanaged.passRetained(follower)
        guard let response = MHD_create_response_from_callback(UInt64.max /* MHD_SIZE_UNKNOWN */, FeedFollower.chunkSize,
                                                               readEvents, retained.toOpaque(), freeEvents) else {
            retained.release()
            follower.finish()
            return nil
        }
        return NativeResponse.adding(headers, to: response)  // a failure destroys the response, which frees the follower
    }
}

private func readEvents(_ cls: UnsafeMutableRawPointer?, _ position: UInt64, _ buffer: UnsafeMutablePointer<CChar>?,
                        _ max: Int) -> Int {
    guard let cls, let buffer, max > 0 else { return -2 }  // MHD_CONTENT_READER_END_WITH_ERROR
    switch Unmanaged<FeedFollower>.fromOpaque(cls).takeUnretainedValue().pull(into: buffer, max: max) {
    case .bytes(let count): return count
    case .parked: return 0  // suspended in `pull`: MHD calls again once resumed
    case .finished: return -1  // MHD_CONTENT_READER_END_OF_STREAM
    case .dropped: return -2
    }
}

private func freeEvents(_ cls: UnsafeMutableRawPointer?) {
    guard let cls else { return }
    let follower = Unmanaged<FeedFollower>.fromOpaque(cls)
    follower.takeUnretainedValue().finish()
    follower.release()
}
