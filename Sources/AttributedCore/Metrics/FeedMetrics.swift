import Synchronization

/// The live feed's figures for `/metrics`: followers connected, and those dropped for not reading.
public final class FeedMetrics: Sendable {
    public let followers = Atomic<Int>(0)
    public let droppedFollowers = Atomic<Int>(0)
    /// Followers refused at the `--max-followers` bound.
    public let refusedFollowers = Atomic<Int>(0)

    public init() {}

    func write(into out: inout PrometheusExposition) {
        out.single("attributed_feed_followers", .gauge, help: "Clients following /v1/changes live (text/event-stream).",
                   Double(followers.load(ordering: .relaxed)))
        out.single("attributed_feed_dropped_followers_total", .counter,
                   help: "Followers dropped because they did not read what they were sent (never buffered without bound).",
                   Double(droppedFollowers.load(ordering: .relaxed)))
        out.single("attributed_feed_refused_followers_total", .counter,
                   help: "Followers refused (503) because --max-followers were connected.",
                   Double(refusedFollowers.load(ordering: .relaxed)))
    }
}
