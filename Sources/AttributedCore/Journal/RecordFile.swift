import Foundation
import Glibc
import Synchronization

/// An append-only file of framed, checksummed records in the dataset directory: what the journal and the history
/// are kept in. Appends go at the end of the last valid record, so a torn tail left by a crash is overwritten
/// (truncated first), never followed by a good record; each append is one write and one `fdatasync`.
final class RecordFile: @unchecked Sendable {
    let path: String
    let fileName: String
    private let directory: String
    private let framing: RecordFraming
    /// Whether a record's envelope reads: one that does not ends the valid records like a torn one.
    private let isReadable: @Sendable ([UInt8]) -> Bool
    private let descriptor: Int32
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var validEnd = 0
    private var fileEnd = 0
    private var poisonedBy: String?
    private var lastSync = 0.0
    /// The scan made when the file was opened, kept for the first `read` of a file only this process writes: a
    /// history of a million changes is then read and checked once at start, not twice. Guarded by `lock`.
    private var openingScan: Scan?
    /// Syncs made by appends: one per batch, whatever its size (tests assert on it).
    let syncCount = Atomic<Int>(0)
    /// Whole-file scans made (tests assert that opening and then reading scans once).
    let scanCount = Atomic<Int>(0)

    /// One valid record: its envelope, and where its document is in the file.
    struct Record {
        let envelope: [UInt8]
        let documentOffset: Int
        let documentLength: Int
    }

    struct Scan {
        var records: [Record]
        /// The whole file's bytes as read (documents are sliced from them by `documentOffset`).
        var bytes: [UInt8]
        var droppedTail: String?
        var byteSize: Int
    }

    /// `exclusive`: the writer's file, locked (flock) for as long as it is open, so that a second server or a
    /// `compact` of the same directory is refused rather than interleaving its records. Readers pass false.
    init(directory: String, fileName: String, magic: String, exclusive: Bool,
         isReadable: @escaping @Sendable ([UInt8]) -> Bool) throws(JournalError) {
        self.fileName = fileName
        self.directory = directory
        self.isReadable = isReadable
        framing = RecordFraming(magic: magic)
        path = (directory as NSString).appendingPathComponent(fileName)
        let existed = access(path, F_OK) == 0
        if !exclusive, !existed {
            descriptor = -1  // nothing written yet: reads as empty
            return
        }
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
        // Locked, so nobody else writes it: the first read may take this scan as it is.
        if exclusive { openingScan = scanned }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    var byteSize: Int { lock.withLock { validEnd } }

    /// How long the last append's sync took, in seconds.
    var lastFsyncSeconds: Double { lock.withLock { lastSync } }

    func read() throws(JournalError) -> Scan {
        lock.lock()
        defer { lock.unlock() }
        if let opening = openingScan {
            openingScan = nil
            return opening
        }
        return try scan()
    }

    func frame(envelope: [UInt8], document: [UInt8]) -> [UInt8] { framing.encode(envelope: envelope, document: document) }

    /// Appends framed records with one write and one sync; returns the offset they start at. On an error nothing of
    /// them counts, and the file ends where it did.
    @discardableResult
    func append(_ bytes: [UInt8]) throws(JournalError) -> Int {
        lock.lock()
        defer { lock.unlock() }
        openingScan = nil
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
            let start = validEnd
            validEnd += bytes.count
            return start
        }
    }

    /// `length` bytes at `offset` (a document of a record read or appended before).
    func bytes(at offset: Int, length: Int) throws(JournalError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: length)
        var read = 0
        while read < length {
            let result = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + read, length - read, off_t(offset + read)) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw .failed("cannot read \(path) at byte \(offset + read): \(Self.errorText())") }
            read += result
        }
        return bytes
    }

    /// Truncating to zero and syncing is one metadata change: after a crash the file is either whole or empty.
    func reset() throws(JournalError) {
        lock.lock()
        defer { lock.unlock() }
        openingScan = nil
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

    private func scan() throws(JournalError) -> Scan {
        scanCount.wrappingAdd(1, ordering: .relaxed)
        let bytes = try readAll()
        var records: [Record] = []
        var offset = 0
        var failure: (reason: String, resumesAt: Int?)?
        bytes.withUnsafeBufferPointer { buffer in
            while offset < buffer.count {
                switch framing.decode(buffer, at: offset) {
                case .record(let envelope, _, _) where !isReadable(envelope):
                    failure = ("has an unreadable envelope", framing.nextValidRecord(in: buffer, after: offset))
                    return
                case .record(let envelope, let document, let length):
                    records.append(Record(envelope: envelope, documentOffset: document.lowerBound, documentLength: document.count))
                    offset += length
                case .invalid(let reason):
                    failure = (reason, framing.nextValidRecord(in: buffer, after: offset))
                    return
                }
            }
        }
        guard let failure else { return Scan(records: records, bytes: bytes, droppedTail: nil, byteSize: offset) }
        let record = "\(fileName): record \(records.count + 1) at byte \(offset) \(failure.reason)"
        if let resumesAt = failure.resumesAt {
            // Acknowledged writes follow the damage: replaying up to it and appending would cut them away.
            throw .damaged("\(record), and valid records follow it from byte \(resumesAt): the file is damaged, "
                           + "not torn by a crash, so it is left as it is. `attributed salvage \(directory)` keeps a copy "
                           + "of it and rewrites it with every valid record")
        }
        return Scan(records: records, bytes: bytes, droppedTail: "\(record); it and the "
                    + "\(counted(bytes.count - offset, "byte")) from there to the end were ignored", byteSize: offset)
    }

    private func readAll() throws(JournalError) -> [UInt8] {
        guard descriptor >= 0 else { return [] }
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
