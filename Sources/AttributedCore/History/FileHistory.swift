import Foundation

/// The history as a file in the dataset directory, `attributed.history`, framed like the journal (`AH1` records).
/// Unlike the journal it is never emptied: `compact` folds the journal into the base files and leaves this alone,
/// so revisions and the feed's seq outlive it. Documents stay in the file and are read back by offset.
public final class FileHistory: HistoryStore, @unchecked Sendable {
    public static let fileName = "attributed.history"

    private let file: RecordFile
    private let lock = NSLock()
    /// Each change's document: where it starts in the file and its length, by position (guarded by `lock`).
    private var seqs: [UInt64] = []
    private var locations: [(offset: Int, length: Int)] = []

    /// Opened by whoever holds the journal's lock (the writer, or `compact`), and locked itself as well.
    public init(directory: String) throws(JournalError) {
        file = try RecordFile(directory: directory, fileName: Self.fileName, magic: ChangeRecord.magic, exclusive: true,
                              isReadable: { ChangeRecord.change(envelope: $0, documentLength: 0) != nil })
    }

    public func load() throws(JournalError) -> HistoryReplay {
        let scan = try file.read()
        var changes: [Change] = []
        changes.reserveCapacity(scan.records.count)
        var seqs: [UInt64] = []
        var locations: [(offset: Int, length: Int)] = []
        for record in scan.records {
            guard let change = ChangeRecord.change(envelope: record.envelope, documentLength: record.documentLength) else { continue }
            changes.append(change)
            seqs.append(change.seq)
            locations.append((record.documentOffset, record.documentLength))
        }
        lock.withLock {
            self.seqs = seqs
            self.locations = locations
        }
        return HistoryReplay(changes: changes, droppedTail: scan.droppedTail)
    }

    public func append(_ changes: [RecordedChange]) throws(JournalError) {
        guard !changes.isEmpty else { return }
        var bytes: [UInt8] = []
        var documentStarts: [Int] = []
        for recorded in changes {
            let record = file.frame(envelope: ChangeRecord.envelope(recorded.change), document: recorded.document)
            documentStarts.append(bytes.count + record.count - 1 - recorded.document.count)
            bytes += record
        }
        let start = try file.append(bytes)
        lock.withLock {
            for (recorded, documentStart) in zip(changes, documentStarts) {
                seqs.append(recorded.change.seq)
                locations.append((start + documentStart, recorded.document.count))
            }
        }
    }

    /// Rewrites the file with only the changes in `seqs` (`compact --history-retention`), atomically: a temporary
    /// file, synced, renamed over, the directory synced. This object reads the old file after: open a new one.
    public func rewrite(keeping seqs: Set<UInt64>) throws {
        let scan = try file.read()
        var bytes: [UInt8] = []
        for record in scan.records {
            guard let change = ChangeRecord.change(envelope: record.envelope, documentLength: record.documentLength),
                  seqs.contains(change.seq) else { continue }
            bytes += file.frame(envelope: record.envelope,
                                document: Array(scan.bytes[record.documentOffset..<record.documentOffset + record.documentLength]))
        }
        let directory = (file.path as NSString).deletingLastPathComponent
        try Compaction.replaceAtomically(file.path, with: bytes, in: directory)
    }

    public func document(seq: UInt64) throws(JournalError) -> [UInt8] {
        let location: (offset: Int, length: Int)? = lock.withLock {
            var low = 0
            var high = seqs.count
            while low < high {
                let mid = (low + high) / 2
                if seqs[mid] < seq { low = mid + 1 } else { high = mid }
            }
            return low < seqs.count && seqs[low] == seq ? locations[low] : nil
        }
        guard let location, location.length > 0 else { return [] }
        return try file.bytes(at: location.offset, length: location.length)
    }
}
