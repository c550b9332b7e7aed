import Foundation
import Glibc

/// The live followers of the feed: admitted up to a bound, woken when the history grows, given a heartbeat when
/// quiet, dropped when they stop reading, and ended when the server stops.
public final class FollowerHub: @unchecked Sendable {  // `followers` and `closed` are guarded by `lock`
    public let maxFollowers: Int
    /// Seconds of quiet before a heartbeat comment; a follower with bytes waiting that is not pulled for twice
    /// this long is dropped.
    public let heartbeatInterval: Double
    private let metrics: FeedMetrics
    private let lock = NSLock()
    private var followers: [ObjectIdentifier: FeedFollower] = [:]
    private var closed = false
    private var timer: Thread?

    public init(maxFollowers: Int = 256, heartbeatInterval: Double = 15, metrics: FeedMetrics = FeedMetrics()) {
        self.maxFollowers = maxFollowers
        self.heartbeatInterval = heartbeatInterval
        self.metrics = metrics
    }

    public var count: Int { lock.withLock { followers.count } }

    /// A new follower after `after`, or nil at the bound (or once stopping).
    func admit(history: History, after: UInt64, includeDocument: Bool) -> FeedFollower? {
        let follower = FeedFollower(history: history, hub: self, after: after, includeDocument: includeDocument, now: Self.now())
        let admitted = lock.withLock {
            guard !closed, followers.count < maxFollowers else { return false }
            followers[ObjectIdentifier(follower)] = follower
            if timer == nil { startTimer() }
            return true
        }
        if admitted { metrics.followers.wrappingAdd(1, ordering: .relaxed) } else { metrics.refusedFollowers.wrappingAdd(1, ordering: .relaxed) }
        return admitted ? follower : nil
    }

    func remove(_ follower: FeedFollower) {
        let removed = lock.withLock { followers.removeValue(forKey: ObjectIdentifier(follower)) != nil }
        if removed { metrics.followers.wrappingSubtract(1, ordering: .relaxed) }
    }

    /// The history grew: every parked follower is woken to send it.
    func wake() {
        for follower in lock.withLock({ Array(followers.values) }) { follower.notify() }
    }

    /// Ends every stream (a graceful stop): each parked connection is resumed to send its end, and no follower is
    /// admitted after. The daemon may stop once this returns: every suspended follower has been resumed.
    public func close() {
        let all = lock.withLock {
            closed = true
            return Array(followers.values)
        }
        for follower in all { follower.notify(ending: true) }
    }

    /// One pass of the timer (tests call it with their own clock).
    func tick(now: Double) {
        let all = lock.withLock { Array(followers.values) }
        for follower in all where follower.tick(now: now, heartbeat: heartbeatInterval, stall: 2 * heartbeatInterval) {
            remove(follower)
            metrics.droppedFollowers.wrappingAdd(1, ordering: .relaxed)
        }
    }

    /// Under `lock`: a thread that ticks a few times per interval while the process lives.
    private func startTimer() {
        let period = max(0.05, min(1, heartbeatInterval / 4))
        let thread = Thread { [weak self] in
            while let hub = self {
                if hub.lock.withLock({ hub.closed }) { return }
                hub.tick(now: Self.now())
                usleep(useconds_t(period * 1_000_000))
            }
        }
        thread.name = "feed heartbeat"
        thread.start()
        timer = thread
    }

    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
