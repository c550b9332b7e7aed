import AttributedCore
import Synchronization

/// Everything the callbacks need, handed to libmicrohttpd as its opaque `cls` pointer.
final class ServerContext: Sendable {
    let api: API
    let permanentResponses: NativeResponses
    /// The last-resort answer when a response cannot be built, made up front so that it cannot fail then.
    let internalError: NativeResponses
    private let current = Locked<ServedDataset?>(nil)
    /// Requests, connections and their counts: `inFlight` is also what a graceful stop waits for. Stored, not
    /// read through `api`: a getter hands back a retained reference, an atomic on a line every worker shares.
    let metrics: ServerMetrics
    let requestMetrics: RequestMetrics
    /// nil unless `--access-log` is given.
    let accessLog: AccessLogWriter?
    private let stopping = Atomic<Bool>(false)
    /// Write connections suspended while the writer commits them (resumed once their answer is ready).
    let suspendedWrites = Atomic<Int>(0)

    init(api: API, accessLog: AccessLogWriter?) throws(ServerError) {
        self.api = api
        self.accessLog = accessLog
        metrics = api.metrics
        requestMetrics = api.metrics.requests
        permanentResponses = try NativeResponses(api.permanent.all)
        let problem = Problem.internalError.response(instance: "")
        internalError = try NativeResponses([(problem.bodyBytes, problem.headers)])
    }

    var dataset: ServedDataset? { current.withLock { $0 } }

    /// Set once when a stop begins: from then on new connections are refused (`acceptPolicy`).
    var isStopping: Bool { stopping.load(ordering: .relaxed) }
    /// Whether this call began the stop (a second stop finds it begun and does nothing).
    func beginStopping() -> Bool { !stopping.exchange(true, ordering: .acquiringAndReleasing) }

    /// Swaps the dataset in; returns the one it replaces.
    @discardableResult
    func serve(_ dataset: ServedDataset) -> ServedDataset? {
        // The old dataset lives on until the last request holding it finishes.
        current.withLock { current in
            defer { current = dataset }
            return current
        }
    }
}
