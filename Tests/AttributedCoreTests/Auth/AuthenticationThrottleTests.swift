import Testing
import AttributedCore

/// Repeated authentication failures from one address: 429 with Retry-After, then recovery.
@Suite("Authentication throttle")
struct AuthenticationThrottleTests {
    @Test func tenFailuresAreAllowedThenTheAddressWaitsForTheOldestToLeaveTheWindow() {
        let throttle = AuthenticationThrottle()
        for second in 0..<10 {
            #expect(throttle.retryAfter(address: "192.0.2.1", now: Double(second)) == nil)
            throttle.recordFailure(address: "192.0.2.1", now: Double(second))
        }
        // The oldest failure (at 0) leaves the 60 s window at 60.
        #expect(throttle.retryAfter(address: "192.0.2.1", now: 10) == 50)
        #expect(throttle.retryAfter(address: "192.0.2.1", now: 59.5) == 1)
        #expect(throttle.retryAfter(address: "192.0.2.1", now: 59.99) == 1)
        // Another address is not held back.
        #expect(throttle.retryAfter(address: "192.0.2.2", now: 10) == nil)
        // Recovery: once it has left, one more attempt is allowed, and the next failure waits for the one at 1.
        #expect(throttle.retryAfter(address: "192.0.2.1", now: 60) == nil)
        throttle.recordFailure(address: "192.0.2.1", now: 60)
        #expect(throttle.retryAfter(address: "192.0.2.1", now: 60) == 1)
        #expect(throttle.retryAfter(address: "192.0.2.1", now: 60.5) == 1)
        #expect(throttle.retryAfter(address: "192.0.2.1", now: 61) == nil)
        // Long after, everything has left the window.
        #expect(throttle.retryAfter(address: "192.0.2.1", now: 500) == nil)
    }

    @Test func failuresSpreadWiderThanTheWindowNeverThrottle() {
        let throttle = AuthenticationThrottle(maxFailures: 3, window: 10)
        for second in stride(from: 0, to: 100, by: 4) {
            #expect(throttle.retryAfter(address: "a", now: Double(second)) == nil)
            throttle.recordFailure(address: "a", now: Double(second))
        }
    }

    @Test func aSuccessClearsTheAddress() {
        let throttle = AuthenticationThrottle(maxFailures: 2, window: 60)
        throttle.recordFailure(address: "a", now: 0)
        throttle.recordFailure(address: "a", now: 1)
        #expect(throttle.retryAfter(address: "a", now: 2) == 58)
        throttle.recordSuccess(address: "a")
        #expect(throttle.retryAfter(address: "a", now: 2) == nil)
        throttle.recordFailure(address: "a", now: 3)
        #expect(throttle.retryAfter(address: "a", now: 3) == nil)
        #expect(throttle.trackedAddresses == 1)
    }

    @Test func failuresGoingOnWhileThrottledKeepTheAddressWaitingButBounded() {
        let throttle = AuthenticationThrottle(maxFailures: 3, window: 60)
        for second in 0..<1000 { throttle.recordFailure(address: "a", now: Double(second) / 10) }
        // The last three (99.7, 99.8, 99.9) decide: the oldest of them leaves at 159.7.
        #expect(throttle.retryAfter(address: "a", now: 100) == 60)
        #expect(throttle.retryAfter(address: "a", now: 159.8) == nil)
    }

    @Test func theNumberOfAddressesIsCappedAndTheStalestIsEvicted() {
        let throttle = AuthenticationThrottle(maxFailures: 1, window: 60, maxAddresses: 100)
        for index in 0..<1000 { throttle.recordFailure(address: "10.0.\(index / 256).\(index % 256)", now: 1 + Double(index) / 1000) }
        #expect(throttle.trackedAddresses == 100)
        // The newest are kept and still throttled; the stalest were dropped.
        #expect(throttle.retryAfter(address: "10.0.3.231", now: 2) != nil)  // index 999
        #expect(throttle.retryAfter(address: "10.0.0.0", now: 2) == nil)
        // Once all have left the window, a newcomer sweeps them out at once.
        throttle.recordFailure(address: "newcomer", now: 100)
        #expect(throttle.trackedAddresses == 1)
    }

    @Test func concurrentFailuresAreAllCounted() async {
        let throttle = AuthenticationThrottle(maxFailures: 1000, window: 60)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { for _ in 0..<100 { throttle.recordFailure(address: "a", now: 1) } }
            }
        }
        #expect(throttle.retryAfter(address: "a", now: 1) == nil)
        throttle.recordFailure(address: "a", now: 1)  // 801 recorded: still under 1000
        #expect(throttle.retryAfter(address: "a", now: 1) == nil)
        for _ in 0..<199 { throttle.recordFailure(address: "a", now: 1) }
        #expect(throttle.retryAfter(address: "a", now: 1) == 60)
    }
}
