import Foundation
import Synchronization

/// Phase timings of a load on stderr when `ATTRIBUTED_TRACE_LOAD` is set: for tuning the loader, not for operators.
enum LoadTrace {
    private static let enabled = ProcessInfo.processInfo.environment["ATTRIBUTED_TRACE_LOAD"] != nil
    private static let last = Mutex(Date())

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
