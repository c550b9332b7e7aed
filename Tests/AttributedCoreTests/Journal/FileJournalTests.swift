@testable import AttributedCore
import Foundation
import Testing

@Suite struct FileJournalTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "attributed-journal-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func entry(_ seq: UInt64, actor: String = "desk", document: String = "{\"format\": \"attributed-dataset/1\"}") -> JournalEntry {
        JournalEntry(seq: seq, time: "2026-12-07T10:00:00Z", actor: actor, action: .putArticle, articles: ["a\(seq)"],
                     entities: ["e\"\\\u{1}ü"], document: Array(document.utf8))
    }

    @Test func batchesRoundTripAcrossReopenWithOneSyncEach() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try FileJournal(directory: directory)
        try journal.append([Self.entry(1), Self.entry(2, actor: "quote\" back\\slash\n")])
        try journal.append([Self.entry(3)])
        #expect(journal.syncs == 2)
        let size = journal.byteSize
        let reopened = try FileJournal(directory: directory, exclusive: false)
        let replay = try reopened.replay()
        #expect(replay.entries == [Self.entry(1), Self.entry(2, actor: "quote\" back\\slash\n"), Self.entry(3)])
        #expect(replay.droppedTail == nil)
        #expect(replay.byteSize == size)
    }

    /// The writer's open scans the file to find where appends go; its replay takes that scan instead of reading the
    /// file again (a long file is read once at start). After an append, a read scans afresh.
    @Test func theWritersReplayReusesTheScanMadeAtOpen() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileJournal(directory: directory).append([Self.entry(1), Self.entry(2)])
        let journal = try FileJournal(directory: directory)
        #expect(journal.scans == 1)
        #expect(try journal.replay().entries == [Self.entry(1), Self.entry(2)])
        #expect(journal.scans == 1)
        try journal.append([Self.entry(3)])
        #expect(try journal.replay().entries == [Self.entry(1), Self.entry(2), Self.entry(3)])
        #expect(journal.scans == 2)
        // A reader (not locked: a writer may append meanwhile) always reads the file as it is now.
        let reader = try FileJournal(directory: directory, exclusive: false)
        try journal.append([Self.entry(4)])
        #expect(try reader.replay().entries.count == 4)
        #expect(reader.scans == 2)
    }

    @Test func aSecondWriterIsRefused() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try FileJournal(directory: directory)
        #expect(throws: JournalError.self) { try FileJournal(directory: directory) }
        _ = journal
    }

    @Test func aRecordCutAtAnyByteIsDroppedAndOverwrittenByTheNextAppend() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent(FileJournal.fileName)
        do {
            let journal = try FileJournal(directory: directory)
            try journal.append([Self.entry(1)])
            try journal.append([Self.entry(2)])
        }
        let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let first = JournalRecord.encode(Self.entry(1)).count
        for cut in first..<whole.count {
            try Data(whole[..<cut]).write(to: URL(fileURLWithPath: path))
            let journal = try FileJournal(directory: directory)
            let replay = try journal.replay()
            #expect(replay.entries == [Self.entry(1)], "cut at \(cut)")
            #expect((replay.droppedTail != nil) == (cut > first), "cut at \(cut)")
            try journal.append([Self.entry(3)])
            #expect(try journal.replay().entries == [Self.entry(1), Self.entry(3)], "cut at \(cut)")
        }
    }

    /// A flipped byte in the last record is a torn tail: dropped, and written over by the next append.
    @Test func aFlippedByteInTheLastRecordEndsReplayThere() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent(FileJournal.fileName)
        do { try FileJournal(directory: directory).append([Self.entry(1), Self.entry(2)]) }
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let first = JournalRecord.encode(Self.entry(1)).count
        bytes[first + 60] ^= 0x01  // inside the second record's envelope or document
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let replay = try FileJournal(directory: directory, exclusive: false).replay()
        #expect(replay.entries == [Self.entry(1)])
        let dropped = try #require(replay.droppedTail)
        #expect(dropped.contains("record 2 at byte \(first)"))
    }

    /// A damaged record with valid ones after it is not a torn tail: opening refuses (an append would cut the
    /// acknowledged records after it away), the file is left byte for byte, and salvage keeps every valid record.
    @Test func damageBeforeValidRecordsIsRefusedAndSalvaged() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent(FileJournal.fileName)
        do { try FileJournal(directory: directory).append([Self.entry(1), Self.entry(2), Self.entry(3), Self.entry(4)]) }
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let record = JournalRecord.encode(Self.entry(1)).count
        bytes[record + 60] ^= 0x01  // the second record
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for exclusive in [true, false] {
            #expect {
                try FileJournal(directory: directory, exclusive: exclusive).replay()
            } throws: { error in
                guard case JournalError.damaged(let detail) = error else { return false }
                return detail.contains("record 2 at byte \(record)") && detail.contains("from byte \(2 * record)")
            }
        }
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes)

        let report = try JournalSalvage.salvage(directory: directory, now: Date(timeIntervalSince1970: 0))
        #expect(report.kept == 3)
        #expect(report.skipped.map(\.offset) == [record])
        #expect(report.skipped.map(\.length) == [record])
        let copy = try #require(report.copy)
        #expect(copy.hasSuffix("attributed.journal.damaged-1970-01-01T000000Z"))
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: copy))) == bytes)
        let replay = try FileJournal(directory: directory).replay()
        #expect(replay.entries == [Self.entry(1), Self.entry(3), Self.entry(4)])
        #expect(replay.droppedTail == nil)
        // Nothing left to salvage: the journal is not touched again.
        #expect(try JournalSalvage.salvage(directory: directory).copy == nil)
    }

    @Test func resetEmptiesDurably() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try FileJournal(directory: directory)
        try journal.append([Self.entry(1)])
        try journal.reset()
        #expect(journal.byteSize == 0)
        #expect(try journal.replay().entries.isEmpty)
        try journal.append([Self.entry(2)])
        #expect(try journal.replay().entries == [Self.entry(2)])
    }
}
