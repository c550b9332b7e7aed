import Foundation

/// One client following the feed live. It holds no queue of its own: it reads the history from its position as the
/// connection drains, a chunk at a time, so a follower that falls behind costs a number, not memory. The server
/// binds `park`/`wake` to suspending and resuming its connection: with nothing to send the follower parks, and the
/// hub wakes it for a new change, a heartbeat, or the end.
public final class FeedFollower: @unchecked Sendable {  // every field is guarded by `lock`
    public enum Pull: Equatable {
        /// Bytes copied into the buffer.
        case bytes(Int)
        /// Nothing to send now: the connection was parked (`park` was called) until `wake`.
        case parked
        /// The stream ends (the server is stopping).
        case finished
        /// Dropped for not reading: the connection is to be closed with an error.
        case dropped
    }

    public static let chunkSize = 16 * 1024

    private let lock = NSLock()
    private let history: History
    private weak var hub: FollowerHub?
    private let includeDocument: Bool
    private var position: UInt64
    private var chunk: [UInt8]
    private var sent = 0
    private var parked = false
    private var ended = false
    private var dropped = false
    private var finished = false
    /// Monotonic seconds: when bytes last went out (heartbeats are due after a quiet interval), and when the follower
    /// was last pulled or woken (one that has bytes waiting and is not pulled for the stall bound is not reading).
    private var lastSent: Double
    private var lastActive: Double
    private var park: (() -> Void)?
    private var wake: (() -> Void)?

    init(history: History, hub: FollowerHub, after: UInt64, includeDocument: Bool, now: Double) {
        self.history = history
        self.hub = hub
        self.includeDocument = includeDocument
        position = after
        chunk = EventStream.opening(after: after)
        lastSent = now
        lastActive = now
    }

    /// Set by the server before the first pull.
    public func bind(park: @escaping () -> Void, wake: @escaping () -> Void) {
        lock.withLock {
            self.park = park
            self.wake = wake
        }
    }

    /// The last seq sent (or the one it started after).
    public var seq: UInt64 { lock.withLock { position } }

    /// Copies up to `max` bytes of the stream into `buffer`. Called by the connection's thread only.
    public func pull(into buffer: UnsafeMutableRawPointer, max: Int, now: Double = FollowerHub.now()) -> Pull {
        lock.lock()
        defer { lock.unlock() }
        lastActive = now
        if dropped { return .dropped }
        if sent == chunk.count {
            if ended { return .finished }
            refill(now: now)
            if chunk.isEmpty {
                guard let park else { return .finished }  // unbound (a test draining what there is)
                parked = true
                park()  // under the lock: a `wake` can only come after it
                return .parked
            }
        }
        let count = min(max, chunk.count - sent)
        chunk.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + sent, byteCount: count) }
        sent += count
        lastSent = now
        return .bytes(count)
    }

    /// The next events after `position` (at least one whole event, about a chunk), or a heartbeat when due.
    private func refill(now: Double) {
        chunk.removeAll(keepingCapacity: true)
        sent = 0
        while chunk.count < Self.chunkSize {
            let changes = history.changes(after: position, limit: 32)
            guard !changes.isEmpty else { break }
            for change in changes {
                let document = includeDocument ? ((try? history.document(of: change)) ?? []) : nil
                EventStream.event(change, document: document, into: &chunk)
                position = change.seq
            }
        }
        if chunk.isEmpty, let hub, now - lastSent >= hub.heartbeatInterval { chunk = EventStream.heartbeat }
    }

    // MARK: the hub's side

    /// A new change, or the end: a parked follower is woken (it may have nothing new, and parks again).
    func notify(ending: Bool = false) {
        lock.withLock {
            if ending { ended = true }
            unpark()
        }
    }

    /// Called by the hub's timer. Returns true if the follower is to be dropped: it had bytes waiting and was not
    /// pulled for `stall` seconds (its client stopped reading, its socket is full).
    func tick(now: Double, heartbeat: Double, stall: Double) -> Bool {
        lock.withLock {
            if parked {
                if now - lastSent >= heartbeat { unpark() }
                return false
            }
            guard !dropped, !finished, now - lastActive >= stall else { return false }
            dropped = true
            chunk = []  // what it did not take is let go at once
            sent = 0
            return true
        }
    }

    /// The server is done with the stream (however it ended): the follower leaves the hub.
    public func finish() {
        let first = lock.withLock {
            defer { finished = true }
            return !finished
        }
        if first { hub?.remove(self) }
    }

    /// Under `lock`.
    private func unpark() {
        guard parked else { return }
        parked = false
        lastActive = FollowerHub.now()
        wake?()
    }
}

extension FeedFollower {
    /// What the stream holds now, then its end (for tests, and a body read without a connection): the follower
    /// leaves the hub.
    public func drainAvailable() -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        loop: while true {
            switch buffer.withUnsafeMutableBytes({ pull(into: $0.baseAddress!, max: $0.count) }) {
            case .bytes(let count): out += buffer[..<count]
            case .parked, .finished, .dropped: break loop
            }
        }
        finish()
        return out
    }
}
