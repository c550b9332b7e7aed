/// Repeated authentication failures from one client address get 429 with Retry-After: `maxFailures` failures per
/// address within any `window` seconds, then none until the oldest of them leaves the window. Secrets are 256-bit,
/// so this is not what stops guessing; it keeps a misconfigured or hostile client from spending the server's time
/// and filling its logs.
///
/// Bounded memory: at most `maxAddresses` addresses are tracked, each with at most `maxFailures` times. Time is
/// passed in (seconds on any monotonic clock), so that tests need not wait.
public final class AuthenticationThrottle: Sendable {
    private struct Failures {
        /// Oldest first; at most `maxFailures`.
        var times: [Double]
        var latest: Double { times.last ?? -.infinity }
    }

    public let maxFailures: Int
    public let window: Double
    public let maxAddresses: Int
    /// Locked (an NSLock) rather than Synchronization's Mutex, as everywhere in the project: see Locked.
    private let failures = Locked<[String: Failures]>([:])

    public init(maxFailures: Int = 10, window: Double = 60, maxAddresses: Int = 10_000) {
        precondition(maxFailures > 0 && window > 0 && maxAddresses > 0, "the throttle's limits must be positive")
        self.maxFailures = maxFailures
        self.window = window
        self.maxAddresses = maxAddresses
    }

    /// nil when the address may try; otherwise the whole seconds to wait (at least 1), for Retry-After.
    public func retryAfter(address: String, now: Double) -> Int? {
        failures.withLock { failures in
            guard let times = failures[address]?.times else { return nil }
            let recent = times.drop { $0 <= now - window }
            guard recent.count >= maxFailures, let oldest = recent.first else { return nil }
            return max(1, Int((oldest + window - now).rounded(.up)))
        }
    }

    public func recordFailure(address: String, now: Double) {
        failures.withLock { failures in
            if failures[address] == nil, failures.count >= maxAddresses { evict(from: &failures, now: now) }
            var times = failures[address]?.times.filter { $0 > now - window } ?? []
            // Only the last `maxFailures` decide whether the address waits: older ones need not be kept.
            if times.count >= maxFailures { times.removeFirst(times.count - maxFailures + 1) }
            times.append(now)
            failures[address] = Failures(times: times)
        }
    }

    /// A success clears the address: a client that got its token right is not held back by earlier typos.
    public func recordSuccess(address: String) {
        _ = failures.withLock { $0.removeValue(forKey: address) }
    }

    /// How many addresses are tracked (for tests and metrics).
    public var trackedAddresses: Int { failures.withLock(\.count) }

    /// Makes room for one address: drops every address whose failures have all left the window, or if none has,
    /// the one whose latest failure is the oldest. A scan of the table, but only when it is full, and a sweep
    /// usually frees many places at once.
    private func evict(from failures: inout [String: Failures], now: Double) {
        var expired: [String] = []
        for (address, entry) in failures where entry.latest <= now - window { expired.append(address) }
        if expired.isEmpty, let stalest = failures.min(by: { $0.value.latest < $1.value.latest }) {
            expired.append(stalest.key)
        }
        for address in expired { failures.removeValue(forKey: address) }
    }
}
