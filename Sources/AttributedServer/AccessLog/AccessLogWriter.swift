import AttributedCore
import Foundation
import Glibc
import Synchronization

/// Where the access log goes: a file (appended to, reopened on SIGUSR1 so that logrotate can move it away), or
/// standard output.
public enum AccessLogDestination: Sendable, Equatable {
    case file(String)
    case standardOutput
}

/// Lines are appended to a buffer under a short lock and written out by a thread of the log's own, so that a slow
/// or full disk never holds a request. When the disk cannot keep up, the buffer is capped: lines past the cap are
/// dropped and counted, never queued without bound.
public final class AccessLogWriter: @unchecked Sendable {
    public let destination: AccessLogDestination
    /// Bytes waiting to be written; never more than `capacity`.
    private let pending = Locked<[UInt8]>([])
    private let capacity: Int
    /// Where dropped lines are counted (reported at /metrics).
    private let metrics: ServerMetrics
    private let reopenRequested = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    /// Only the writer thread touches the descriptor once it runs.
    private var descriptor: Int32
    private let finished = DispatchSemaphore(value: 0)

    public init(_ destination: AccessLogDestination, capacity: Int = 8 << 20,
                metrics: ServerMetrics = ServerMetrics(routeTemplates: [])) throws(ServerError) {
        self.destination = destination
        self.capacity = capacity
        self.metrics = metrics
        descriptor = try Self.open(destination)
        // The thread holds the writer until `close()` ends it.
        let thread = Thread { [self] in run() }
        thread.name = "access-log"
        thread.start()
    }

    /// Queues one line; drops it (and counts it) when the buffer is full.
    public func append(_ line: [UInt8]) {
        let queued = pending.withLock { buffer -> Bool in
            guard buffer.count + line.count <= capacity else { return false }
            buffer.append(contentsOf: line)
            return true
        }
        if !queued { metrics.accessLogDroppedLines.wrappingAdd(1, ordering: .relaxed) }
    }

    /// Lines dropped because the disk could not keep up (or the file could not be written).
    public var droppedLines: Int { metrics.accessLogDroppedLines.load(ordering: .relaxed) }

    /// Closes and opens the file again by its path, on the writer thread, before its next write (SIGUSR1).
    public func reopen() { reopenRequested.store(true, ordering: .relaxed) }

    /// Writes what is queued and stops the thread (the server does this on shutdown).
    public func close() {
        guard !stopping.exchange(true, ordering: .relaxed) else { return }
        finished.wait()
    }

    private func run() {
        while true {
            let last = stopping.load(ordering: .relaxed)
            if reopenRequested.exchange(false, ordering: .relaxed), case .file = destination,
               let reopened = try? Self.open(destination) {
                Glibc.close(descriptor)
                descriptor = reopened
            }
            let lines = pending.withLock { buffer in
                defer { buffer.removeAll(keepingCapacity: true) }
                return buffer
            }
            if !lines.isEmpty { write(lines) }
            if last { break }
            usleep(20_000)  // 50 writes a second at most: a busy server's lines go out in large blocks
        }
        if case .file = destination { Glibc.close(descriptor) }
        finished.signal()
    }

    private func write(_ bytes: [UInt8]) {
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { break }
                written += result
            }
        }
        if written < bytes.count {
            // A write error (disk full, file gone): count what was lost by lines.
            let lost = bytes[written...].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            metrics.accessLogDroppedLines.wrappingAdd(lost, ordering: .relaxed)
        }
    }

    private static func open(_ destination: AccessLogDestination) throws(ServerError) -> Int32 {
        switch destination {
        case .standardOutput: return STDOUT_FILENO
        case .file(let path):
            let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw ServerError("cannot open the access log \(path): \(String(cString: strerror(errno)))")
            }
            return descriptor
        }
    }
}
