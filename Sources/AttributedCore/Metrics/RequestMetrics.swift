/// Requests answered, by route template, method and status code, and how long each took, by route template.
/// The label sets are fixed and small (the router's routes, four methods, the status codes the API answers), so
/// no request, however hostile, can add a series.
public final class RequestMetrics: Sendable {
    /// The route templates, and one more for a path no route matches.
    public let routes: [String]
    public static let methods = ["GET", "HEAD", "OPTIONS", "other"]
    /// Every status the API answers; anything else would be counted as `other`.
    public static let statusCodes = [200, 204, 303, 304, 400, 404, 405, 406, 500, 503]
    /// Upper bounds of the duration histogram, in seconds.
    public static let bucketBounds: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                0.25, 0.5, 1, 2.5, 5, 10]
    private static let bucketNanoseconds = bucketBounds.map { UInt64($0 * 1e9) }

    private let requests: ShardedCounters
    /// Per route: a count per bucket (the last one +Inf; not cumulative), then the sum in nanoseconds. The count is
    /// the buckets' total, so that a scrape always sees the +Inf bucket equal to the count.
    private let durations: ShardedCounters
    private var durationStride: Int { Self.bucketBounds.count + 2 }

    public init(routeTemplates: [String]) {
        routes = routeTemplates + ["unmatched"]
        requests = ShardedCounters(count: routes.count * Self.methods.count * (Self.statusCodes.count + 1))
        durations = ShardedCounters(count: routes.count * (Self.bucketBounds.count + 2))
    }

    /// `route`: the index of the route that answered, nil when none matched.
    public func record(route: Int?, method: Int, status: Int, nanoseconds: UInt64) {
        let route = route ?? routes.count - 1
        requests.add(requestIndex(route: route, method: method, status: Self.statusIndex(status)))
        let base = route * durationStride
        var bucket = 0
        while bucket < Self.bucketNanoseconds.count, nanoseconds > Self.bucketNanoseconds[bucket] { bucket += 1 }
        durations.add(base + bucket)
        durations.add(base + Self.bucketBounds.count + 1, nanoseconds)
    }

    /// The index in `methods` of a method token's bytes (case-sensitive, as methods are): no String is made.
    public static func methodIndex(_ method: UnsafeRawBufferPointer) -> Int {
        switch method.count {
        case 3 where method.elementsEqual("GET".utf8): 0
        case 4 where method.elementsEqual("HEAD".utf8): 1
        case 7 where method.elementsEqual("OPTIONS".utf8): 2
        default: 3
        }
    }

    /// `(route, method, code, count)` of every combination counted at least once.
    public func requestCounts() -> [(route: String, method: String, code: String, count: UInt64)] {
        var counts: [(String, String, String, UInt64)] = []
        for route in routes.indices {
            for method in Self.methods.indices {
                for status in 0...Self.statusCodes.count {
                    let count = requests.total(requestIndex(route: route, method: method, status: status))
                    guard count > 0 else { continue }
                    let code = status < Self.statusCodes.count ? String(Self.statusCodes[status]) : "other"
                    counts.append((routes[route], Self.methods[method], code, count))
                }
            }
        }
        return counts
    }

    public struct Histogram {
        /// Cumulative, one per bound of `bucketBounds`, then +Inf (= count).
        public let cumulativeCounts: [UInt64]
        public let sumSeconds: Double
        public let count: UInt64
    }

    /// The duration histogram of every route that answered at least once.
    public func durationHistograms() -> [(route: String, histogram: Histogram)] {
        routes.indices.compactMap { route in
            let base = route * durationStride
            var running: UInt64 = 0
            let cumulative = (0...Self.bucketBounds.count).map { bucket in
                running &+= durations.total(base + bucket)
                return running
            }
            guard running > 0 else { return nil }
            let sum = Double(durations.total(base + Self.bucketBounds.count + 1)) / 1e9
            return (routes[route], Histogram(cumulativeCounts: cumulative, sumSeconds: sum, count: running))
        }
    }

    private func requestIndex(route: Int, method: Int, status: Int) -> Int {
        (route * Self.methods.count + method) * (Self.statusCodes.count + 1) + status
    }

    private static func statusIndex(_ status: Int) -> Int {
        statusCodes.firstIndex(of: status) ?? statusCodes.count
    }
}
