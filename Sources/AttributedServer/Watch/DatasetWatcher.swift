import Foundation
import Glibc

/// `--watch`: notices when the dataset's file or directory changes (inotify) and asks for the same reload as SIGHUP,
/// by sending the process SIGHUP: one path validates and swaps, reloads never overlap, and a burst of changes
/// coalesces into one pending signal.
///
/// The watch is on the directory, not the file, so that every way of writing a file is seen: written in place
/// (IN_CLOSE_WRITE), written elsewhere and renamed over it as editors and `attributed fmt --write` do (IN_MOVED_TO),
/// removed (IN_DELETE, IN_MOVED_FROM), and a Kubernetes ConfigMap update, which swaps the `..data` link of the
/// mounted directory. Changes are debounced: the reload starts once nothing has changed for `quietPeriod`.
public final class DatasetWatcher: @unchecked Sendable {
    private let descriptor: Int32
    /// A pipe `stop()` writes to: the thread polls its read end beside the inotify descriptor.
    private let stopPipe: (read: Int32, write: Int32)
    private let stopped = DispatchSemaphore(value: 0)
    /// File names that matter in the watched directory: nil means every visible `*.json` (a directory dataset).
    private let names: Set<String>?
    private let quietPeriod: Double
    private let onChange: @Sendable (String) -> Void

    /// Watches `path` (a dataset file or directory). `onChange` runs on the watcher's thread with the name that
    /// changed, once per quiet burst; by default it sends this process SIGHUP.
    public init(path: String, quietPeriod: Double = 0.3,
                onChange: @escaping @Sendable (String) -> Void = { _ in kill(getpid(), SIGHUP) }) throws(ServerError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ServerError("cannot watch \(path): no such file or directory")
        }
        let directory = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
        names = isDirectory.boolValue ? nil : [(path as NSString).lastPathComponent]
        self.quietPeriod = quietPeriod
        self.onChange = onChange
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw ServerError("cannot watch \(path): inotify: \(String(cString: strerror(errno)))") }
        let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)
        guard inotify_add_watch(descriptor, directory.isEmpty ? "." : directory, events) >= 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ServerError("cannot watch \(directory): \(reason)")
        }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            close(descriptor)
            throw ServerError("cannot watch \(path): pipe: \(String(cString: strerror(errno)))")
        }
        stopPipe = (ends[0], ends[1])
        let thread = Thread { [self] in run() }
        thread.name = "dataset-watcher"
        thread.start()
    }

    /// Ends the watch (the process's own watch lasts as long as it does; tests end theirs).
    public func stop() {
        var byte: UInt8 = 1
        _ = write(stopPipe.write, &byte, 1)
        stopped.wait()
        close(stopPipe.write)
    }

    private func run() {
        defer {
            close(descriptor)
            close(stopPipe.read)
            stopped.signal()
        }
        var pending: String?
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            // Wait for events (or stop); while a change is pending, only for the quiet period.
            var pollers = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&pollers, 2, pending == nil ? -1 : Int32(quietPeriod * 1000))
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if pollers[1].revents != 0 { return }
            if ready == 0, let changed = pending {
                pending = nil
                onChange(changed)
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            for name in Self.names(in: buffer[..<count]) where matters(name) { pending = name }
        }
    }

    private func matters(_ name: String) -> Bool {
        if name == "..data" { return true }  // a ConfigMap's files all change at once through this link
        if let names { return names.contains(name) }
        return name.hasSuffix(".json") && !name.hasPrefix(".")
    }

    /// The names in a read of `struct inotify_event`s: wd, mask, cookie, len (4 bytes each), then `len` bytes of
    /// NUL-padded name.
    static func names(in events: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var offset = events.startIndex
        while offset + 16 <= events.endIndex {
            let length = events[(offset + 12)..<(offset + 16)].reversed().reduce(0) { $0 << 8 | Int($1) }
            let nameBytes = events[(offset + 16)..<min(events.endIndex, offset + 16 + length)].prefix { $0 != 0 }
            if !nameBytes.isEmpty { names.append(String(decoding: nameBytes, as: UTF8.self)) }
            offset += 16 + length
        }
        return names
    }
}
