import Foundation
import Glibc

/// Recovers a damaged journal (`attributed salvage DIR`): one whose bad record is followed by valid ones, which the
/// server refuses to open (cutting there would lose the acknowledged writes after it). A copy of the file as it was
/// is kept beside it; the journal is then rewritten with every valid record in order, the damaged stretches left out.
public enum JournalSalvage {
    public struct Report: Sendable {
        /// Valid records kept.
        public var kept: Int
        /// Each stretch left out: where it started, how long it was, and why its first record failed.
        public var skipped: [(offset: Int, length: Int, reason: String)]
        /// The untouched copy; nil when the journal had no damage (nothing was written).
        public var copy: String?
    }

    public static func salvage(directory: String, now: Date = Date()) throws -> Report {
        let path = (directory as NSString).appendingPathComponent(FileJournal.fileName)
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw CompactionError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        // The server's lock: a journal in use is not rewritten under it.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw CompactionError("\(path) is in use by another process (a server taking writes on this directory?)")
        }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var kept: [UInt8] = []
        var report = Report(kept: 0, skipped: [], copy: nil)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                switch JournalRecord.framing.decode(buffer, at: offset) {
                case .record(_, _, let length):
                    kept += buffer[offset..<offset + length]
                    report.kept += 1
                    offset += length
                case .invalid(let reason):
                    let next = JournalRecord.framing.nextValidRecord(in: buffer, after: offset) ?? buffer.count
                    report.skipped.append((offset, next - offset, reason))
                    offset = next
                }
            }
        }
        guard !report.skipped.isEmpty else { return report }
        let stamp = now.formatted(.iso8601).replacingOccurrences(of: ":", with: "")
        let copy = path + ".damaged-" + stamp
        try Compaction.replaceAtomically(copy, with: bytes, in: directory)
        try Compaction.replaceAtomically(path, with: kept, in: directory)
        report.copy = copy
        return report
    }
}
