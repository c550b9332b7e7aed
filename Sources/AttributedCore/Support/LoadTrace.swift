import Foundation

/// Phase timings of a load on stderr, when `ATTRIBUTED_TRACE_LOAD` is set: for tuning, not for operators.
enum LoadTrace {
    private static let enabled = ProcessInfo.processInfo.environment["ATTRIBUTED_TRACE_LOAD"] != nil
    nonisolated(unsafe) private static var last = Date()

    static func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data("trace: \(phase) \(Int(now.timeIntervalSince(last) * 1000)) ms\n".utf8))
        last = now
    }
}
