import Foundation
import Glibc
import Synchronization

/// The journal as a file in the dataset directory, `attributed.journal` (not `*.json`: the loader reads every
/// `*.json` file as a base file).
public final class FileJournal: Journal, @unchecked Sendable {
    public static let fileName = "attributed.journal"

    private let file: RecordFile
    public var path: String { file.path }
    /// Syncs made by appends: one per batch, whatever its size (tests assert on it).
    public var syncs: Int { file.syncCount.load(ordering: .relaxed) }
    /// Whole-file scans made since it was opened.
    var scans: Int { file.scanCount.load(ordering: .relaxed) }

    /// `exclusive`: the writer's journal, locked (flock) for as long as it is open, so that a second server or a
    /// `compact` of the same directory is refused rather than interleaving its records. Readers (`validate`) pass false.
    public init(directory: String, exclusive: Bool = true) throws(JournalError) {
        file = try RecordFile(directory: directory, fileName: Self.fileName, magic: JournalRecord.magic, exclusive: exclusive,
                              isReadable: { JournalRecord.entry(envelope: $0, document: []) != nil })
    }

    public var byteSize: Int { file.byteSize }

    /// How long the last append's sync took, in seconds.
    public var lastFsyncSeconds: Double { file.lastFsyncSeconds }

    public func replay() throws(JournalError) -> JournalReplay {
        let scan = try file.read()
        let entries = scan.records.compactMap { record in  // every envelope read when scanned
            JournalRecord.entry(envelope: record.envelope,
                                document: Array(scan.bytes[record.documentOffset..<record.documentOffset + record.documentLength]))
        }
        return JournalReplay(entries: entries, droppedTail: scan.droppedTail, byteSize: scan.byteSize)
    }

    public func append(_ entries: [JournalEntry]) throws(JournalError) {
        guard !entries.isEmpty else { return }
        var bytes: [UInt8] = []
        for entry in entries { bytes += JournalRecord.encode(entry) }
        try file.append(bytes)
    }

    /// Truncating to zero and syncing is one metadata change: after a crash the file is either whole or empty, and a
    /// whole one replays onto the compacted base to the same dataset (every entry replaces what it names).
    public func reset() throws(JournalError) { try file.reset() }

    static func syncDirectory(_ directory: String) throws(JournalError) { try RecordFile.syncDirectory(directory) }
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
