import AttributedCore
import Foundation
import Synchronization

/// The built `attributed` binary run as a child process, its stderr collected, for lifecycle tests.
final class ServerProcess: @unchecked Sendable {  // Process is thread-safe for what is used here
    static var binary: URL {
        // The test bundle is built next to the executable it depends on (.build/<config>/).
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("attributed")
    }

    let process: Process
    private let stderr = OutputBuffer()

    /// `openFilesSoftLimit` starts it through a shell that first lowers its soft RLIMIT_NOFILE, as systemd does.
    init(_ arguments: [String], openFilesSoftLimit: Int? = nil) throws {
        process = Process()
        if let openFilesSoftLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -Sn \(openFilesSoftLimit) && exec \"$0\" \"$@\"", Self.binary.path] + arguments
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        pipe.fileHandleForReading.readabilityHandler = { [stderr] handle in
            let data = handle.availableData
            if data.isEmpty {
                // End of file: the process has exited and everything it wrote has been read.
                handle.readabilityHandler = nil
                stderr.closed.withLock { $0 = true }
            } else {
                stderr.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
        try process.run()
    }

    var output: String { stderr.text.withLock { $0 } }

    /// Waits until the server says it listens and has loaded its data; returns its port.
    func waitUntilReady(timeout: Double = 20) throws -> UInt16 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = output
            if text.contains("attributed: loaded"), let match = text.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/),
               let port = UInt16(match.1) {
                return port
            }
            if !process.isRunning { throw ClientError("server exited early: \(text)") }
            usleep(20_000)
        }
        throw ClientError("server not ready in time: \(output)")
    }

    /// Waits for the process to exit (bounded) and returns its exit status.
    func waitForExit(timeout: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        guard !process.isRunning else {
            process.interrupt()
            kill(process.processIdentifier, SIGKILL)
            throw ClientError("process did not exit in time: \(output)")
        }
        // Exited is not yet read: wait a moment for the output's end, so that `output` holds its last lines. (The
        // end is not always signalled, hence the short bound.)
        let settled = Date().addingTimeInterval(0.5)
        while !stderr.closed.withLock({ $0 }), Date() < settled { usleep(5_000) }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

final class OutputBuffer: Sendable {
    let text = Locked<String>("")
    let closed = Locked(false)
}

final class Counter: Sendable {
    private let atomic = Atomic<Int>(0)
    func increment() { atomic.wrappingAdd(1, ordering: .relaxed) }
    var value: Int { atomic.load(ordering: .relaxed) }
}
