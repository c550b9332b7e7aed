import Foundation
import Synchronization

/// What `/metrics` reports beyond the dataset itself: requests, connections, reloads. The server's callbacks
/// record into it; the handler reads it. One per API, for the process's lifetime.
public final class ServerMetrics: Sendable {
    public let requests: RequestMetrics
    /// Requests the handler has seen and libmicrohttpd has not yet reported complete.
    public let inFlight = Atomic<Int>(0)
    public let openConnections = Atomic<Int>(0)
    /// Access-log lines lost because the disk could not keep up or could not be written.
    public let accessLogDroppedLines = Atomic<Int>(0)
    public let startedAt = Date().timeIntervalSince1970
    /// Bulk exports being streamed now: each holds its store and one chunk until libmicrohttpd frees it.
    public let exportsOpen = Atomic<Int>(0)
    private let exportsComplete = Atomic<Int>(0)
    private let exportsAbandoned = Atomic<Int>(0)

    public enum ReloadOutcome: CaseIterable, Sendable {
        case ok, refused
        var label: String { self == .ok ? "ok" : "refused" }
    }

    private let reloadsOK = Atomic<Int>(0)
    private let reloadsRefused = Atomic<Int>(0)
    /// The load that produced the dataset being served: how long it took (seconds) and when it finished.
    private let lastLoad = Locked<(seconds: Double, at: Double)?>(nil)

    /// The live change feed's followers.
    public let feed = FeedMetrics()

    /// The write path's figures, on a server that takes writes.
    private let writeMetrics = Locked<WriteMetrics?>(nil)
    var writes: WriteMetrics? { writeMetrics.withLock { $0 } }
    func attachWrites(_ metrics: WriteMetrics) { writeMetrics.withLock { $0 = metrics } }

    public init(routeTemplates: [String]) {
        requests = RequestMetrics(routeTemplates: routeTemplates)
    }

    /// A dataset was loaded and is now served (the first load too).
    public func datasetServed(loadSeconds: Double, at time: Date = Date()) {
        lastLoad.withLock { $0 = (loadSeconds, time.timeIntervalSince1970) }
    }

    /// A reload (SIGHUP) ended: the new dataset serves, or it was refused and the old one kept.
    public func reloadEnded(_ outcome: ReloadOutcome) {
        switch outcome {
        case .ok: reloadsOK.wrappingAdd(1, ordering: .relaxed)
        case .refused: reloadsRefused.wrappingAdd(1, ordering: .relaxed)
        }
    }

    public func reloads(_ outcome: ReloadOutcome) -> Int {
        switch outcome {
        case .ok: reloadsOK.load(ordering: .relaxed)
        case .refused: reloadsRefused.load(ordering: .relaxed)
        }
    }

    /// An export's stream was freed: after its last byte (`complete`), or before (the client went away, or the
    /// request was a HEAD).
    public func exportEnded(complete: Bool) {
        if complete {
            exportsComplete.wrappingAdd(1, ordering: .relaxed)
        } else {
            exportsAbandoned.wrappingAdd(1, ordering: .relaxed)
        }
    }

    public func exportsEnded(complete: Bool) -> Int {
        complete ? exportsComplete.load(ordering: .relaxed) : exportsAbandoned.load(ordering: .relaxed)
    }

    var load: (seconds: Double, at: Double)? { lastLoad.withLock { $0 } }
}
