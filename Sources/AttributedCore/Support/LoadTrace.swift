import Foundation

/// Phase timings of a load on stderr when `ATTRIBUTED_TRACE_LOAD` is set: for tuning the loader, not for operators.
enum LoadTrace {
    private static let enabled = ProcessInfo.processInfo.environment["ATTRIBUTED_TRACE_LOAD"] != nil
    private static let last = Locked(Date())

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
        FileHandle.standardError.write(Data("attributed: load phase \(phase): \(Int(elapsed * 1000)) ms, RSS \(residentMegabytes) MB\n".utf8))
    }

    /// Resident memory now, from /proc (0 where there is none). Read by hand: /proc files have no size.
    private static var residentMegabytes: Int {
        let descriptor = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return 0 }
        let fields = String(decoding: buffer[..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return (pages * Int(sysconf(Int32(_SC_PAGESIZE)))) >> 20
    }
}
