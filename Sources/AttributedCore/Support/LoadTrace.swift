import Foundation
import Synchronization

/// Phase timings of a load on stderr when `ATTRIBUTED_TRACE_LOAD` is set: for tuning the loader, not for operators.
enum LoadTrace {
    private static let enabled = ProcessInfo.processInfo.environment["ATTRIBUTED_TRACE_LOAD"] != nil
    private static let last = Mutex(Date())

    /// The time `body` takes on its own, for a phase that runs beside others (marks time the whole step).
    static func timed<T>(_ phase: String, _ body: () -> T) -> T {
        guard enabled else { return body() }
        let start = Date()
        defer {
            let elapsed = Int(Date().timeIntervalSince(start) * 1000)
            FileHandle.standardError.write(Data("attributed: load phase \(phase) (in parallel): \(elapsed) ms\n".utf8))
        }
        return body()
    }

    static func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        let elapsed = last.withLock { last in
            defer { last = now }
            return now.timeIntervalSince(last)
        }
        FileHandle.standardError.write(Data("attributed: load phase \(phase): \(Int(elapsed * 1000)) ms\n".utf8))
    }
}
