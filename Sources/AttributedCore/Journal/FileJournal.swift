import Foundation
import Glibc
import Synchronization

/// The journal as a file in the dataset directory, `attributed.journal` (not `*.json`: the loader reads every
/// `*.json` file as a base file). Appends go at the end of the last valid record, so a torn tail left by a crash is
/// overwritten (truncated first), never followed by a good record.
public final class FileJournal: Journal, @unchecked Sendable {
    public static let fileName = "attributed.journal"

    public let path: String
    private let directory: String
    private let descriptor: Int32
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var validEnd = 0
    private var fileEnd = 0
    private var poisonedBy: String?
    private var lastSync = 0.0
    /// Syncs made by appends: one per batch, whatever its size (tests assert on it).
    public let syncCount = Atomic<Int>(0)

    /// `exclusive`: the writer's journal, locked (flock) for as long as it is open, so that a second server or a
    /// `compact` of the same directory is refused rather than interleaving its records. Readers (`validate`) pass false.
    public init(directory: String, exclusive: Bool = true) throws(JournalError) {
        self.directory = directory
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        let existed = access(path, F_OK) == 0
        descriptor = open(path, (exclusive ? O_RDWR | O_CREAT : O_RDONLY) | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .failed("cannot open \(path): \(Self.errorText())") }
        if exclusive, flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            throw .failed("\(path) is in use by another process (a server taking writes on this directory?)")
        }
        if !existed {
            // The new file's name is durable only once its directory is synced.
            try Self.syncDirectory(directory)
        }
        let scanned = try scan()
        validEnd = scanned.byteSize
        fileEnd = try Self.size(of: descriptor, path)
    }

    deinit { close(descriptor) }

    public var byteSize: Int { lock.withLock { validEnd } }

    /// How long the last append's sync took, in seconds.
    public var lastFsyncSeconds: Double { lock.withLock { lastSync } }

    public func replay() throws(JournalError) -> JournalReplay {
        lock.lock()
        defer { lock.unlock() }
        return try scan()
    }

    public func append(_ entries: [JournalEntry]) throws(JournalError) {
        guard !entries.isEmpty else { return }
        var bytes: [UInt8] = []
        for entry in entries { bytes += JournalRecord.encode(entry) }
        lock.lock()
        defer { lock.unlock() }
        do {
            if let poisonedBy { throw JournalError.poisoned(poisonedBy) }
            if fileEnd != validEnd {
                // A torn tail, or the partial bytes of a failed append: cut back to the last good record first.
                guard ftruncate(descriptor, off_t(validEnd)) == 0 else { throw .failed("cannot truncate \(path): \(Self.errorText())") }
                fileEnd = validEnd
            }
            var written = 0
            while written < bytes.count {
                let result = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + written, $0.count - written, off_t(validEnd + written)) }
                if result < 0 {
                    if errno == EINTR { continue }
                    let code = errno
                    fileEnd = validEnd + written
                    // Leave the file ending at the last acknowledged record (best effort: the next append cuts again).
                    if ftruncate(descriptor, off_t(validEnd)) == 0 { fileEnd = validEnd }
                    let detail = "writing \(path): \(String(cString: strerror(code)))"
                    throw code == ENOSPC || code == EDQUOT ? .noSpace(detail) : .failed(detail)
                }
                written += result
            }
            fileEnd = validEnd + bytes.count
            let started = DispatchTime.now()
            guard fdatasync(descriptor) == 0 else {
                poisonedBy = "fdatasync of \(path) failed: \(Self.errorText())"
                throw .poisoned(poisonedBy!)
            }
            lastSync = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            syncCount.wrappingAdd(1, ordering: .relaxed)
            validEnd += bytes.count
        }
    }

    /// Truncating to zero and syncing is one metadata change: after a crash the file is either whole or empty, and a
    /// whole one replays onto the compacted base to the same dataset (every entry replaces what it names).
    public func reset() throws(JournalError) {
        lock.lock()
        defer { lock.unlock() }
        do {
            if let poisonedBy { throw JournalError.poisoned(poisonedBy) }
            guard ftruncate(descriptor, 0) == 0, fsync(descriptor) == 0 else {
                throw .failed("cannot empty \(path): \(Self.errorText())")
            }
            validEnd = 0
            fileEnd = 0
        }
    }

    // MARK: reading

    private func scan() throws(JournalError) -> JournalReplay {
        let bytes = try readAll()
        var entries: [JournalEntry] = []
        var offset = 0
        var failure: (reason: String, resumesAt: Int?)?
        bytes.withUnsafeBufferPointer { buffer in
            while offset < buffer.count {
                switch JournalRecord.decode(buffer, at: offset) {
                case .entry(let entry, let length):
                    entries.append(entry)
                    offset += length
                case .invalid(let reason):
                    failure = (reason, JournalRecord.nextValidRecord(in: buffer, after: offset))
                    return
                }
            }
        }
        guard let failure else { return JournalReplay(entries: entries, droppedTail: nil, byteSize: offset) }
        let record = "\(Self.fileName): record \(entries.count + 1) at byte \(offset) \(failure.reason)"
        if let resumesAt = failure.resumesAt {
            // Acknowledged writes follow the damage: replaying up to it and appending would cut them away.
            throw .damaged("\(record), and valid records follow it from byte \(resumesAt): the journal is damaged, "
                           + "not torn by a crash, so it is left as it is. `attributed salvage \(directory)` keeps a copy "
                           + "of it and rewrites it with every valid record")
        }
        return JournalReplay(entries: entries, droppedTail: "\(record); it and the "
                             + "\(counted(bytes.count - offset, "byte")) from there to the end were ignored", byteSize: offset)
    }

    private func readAll() throws(JournalError) -> [UInt8] {
        let size = try Self.size(of: descriptor, path)
        var bytes = [UInt8](repeating: 0, count: size)
        var read = 0
        while read < size {
            let result = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + read, size - read, off_t(read)) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                if result == 0 { break }
                throw .failed("cannot read \(path): \(Self.errorText())")
            }
            read += result
        }
        return Array(bytes.prefix(read))
    }

    private static func size(of descriptor: Int32, _ path: String) throws(JournalError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .failed("cannot stat \(path): \(errorText())") }
        return Int(status.st_size)
    }

    static func syncDirectory(_ directory: String) throws(JournalError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .failed("cannot open \(directory): \(errorText())") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .failed("cannot sync \(directory): \(errorText())") }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

/// The same semantics in memory: for tests, and as the model a database backend follows.
public final class MemoryJournal: Journal, @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [JournalEntry] = []
    private var bytes = 0

    public init() {}

    public func replay() throws(JournalError) -> JournalReplay {
        lock.withLock { JournalReplay(entries: entries, droppedTail: nil, byteSize: bytes) }
    }

    public func append(_ new: [JournalEntry]) throws(JournalError) {
        lock.withLock {
            entries += new
            bytes += new.reduce(0) { $0 + JournalRecord.encode($1).count }
        }
    }

    public var byteSize: Int { lock.withLock { bytes } }

    public func reset() throws(JournalError) {
        lock.withLock {
            entries = []
            bytes = 0
        }
    }
}
