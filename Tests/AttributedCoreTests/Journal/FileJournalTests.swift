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

    @Test func aFlippedByteFailsTheChecksumAndEndsReplayThere() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent(FileJournal.fileName)
        do { try FileJournal(directory: directory).append([Self.entry(1), Self.entry(2), Self.entry(3)]) }
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let first = JournalRecord.encode(Self.entry(1)).count
        bytes[first + 60] ^= 0x01  // inside the second record's envelope or document
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let replay = try FileJournal(directory: directory, exclusive: false).replay()
        #expect(replay.entries == [Self.entry(1)])
        let dropped = try #require(replay.droppedTail)
        #expect(dropped.contains("record 2 at byte \(first)"))
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
