import AttributedCore
import Synchronization

/// Everything the callbacks need, handed to libmicrohttpd as its opaque `cls` pointer.
final class ServerContext: Sendable {
    let api: API
    let permanentResponses: NativeResponses
    /// The last-resort answer when a response cannot be built, made up front so that it cannot fail then.
    let internalError: NativeResponses
    private let current = Mutex<ServedDataset?>(nil)
    /// Requests the handler has seen and MHD has not yet reported complete: what a graceful stop waits for.
    let inFlight = Atomic<Int>(0)

    init(api: API) throws(ServerError) {
        self.api = api
        permanentResponses = try NativeResponses(api.permanent.all)
        let problem = Problem.internalError.response(instance: "")
        internalError = try NativeResponses([(problem.bodyBytes, problem.headers)])
    }

    var dataset: ServedDataset? { current.withLock { $0 } }

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
