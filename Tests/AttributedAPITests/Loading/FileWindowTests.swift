@testable import AttributedCore
import Foundation
import Testing

/// A file on disk is read a window at a time and given back behind the reader, so a load holds a few windows of its
/// file, never the file (a reload runs beside the dataset being served). Reading that way must change nothing: the
/// same dataset, version and messages as bytes already in memory.
@Suite struct FileWindowTests {
    /// Sentences long enough that the file spans several read windows and many record batches.
    static func sentences(_ count: Int, length: Int) -> [(text: String, source: String)] {
        let filler = String(repeating: "the plan was approved ", count: length / 22)
        return (0..<count).map { (text: "Report \($0) says \(filler)today.", source: "nunez") }
    }

    static let people = [SearchCorpus.Person(id: "nunez", name: "María Núñez")]
    /// Small windows, so that small files exercise every path the 4 MiB production window takes on large ones.
    static let window = 16 << 10

    func write(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("attributed-window-\(UUID().uuidString).json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func body(_ store: Store, _ target: String) -> [UInt8] { SearchCorpus.api(store, target).bodyBytes }

    @Test func aFileLargerThanItsWindowsLoadsAsFromMemoryHoldingAFractionOfIt() throws {
        let json = SearchCorpus.json(Self.sentences(400, length: 1000), people: Self.people)
        let path = try write(json)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let files = try SourceFile.read(path: path, window: Self.window)
        let fromDisk = try DatasetLoader.load(files)
        let fromMemory = try DatasetLoader.load(files: [((path as NSString).lastPathComponent, Array(json.utf8))])
        #expect(fromDisk.version == fromMemory.version)
        #expect(fromDisk.claims.count == 400)
        #expect(fromDisk.articles.map(\.body) == fromMemory.articles.map(\.body))
        let disk = Store(fromDisk), memory = Store(fromMemory)
        for id in ["c0000", "c0199", "c0399"] {
            #expect(body(disk, "/v1/claims/\(id)") == body(memory, "/v1/claims/\(id)"))
        }

        // The whole-file loader held all of it; this one a few windows, plus the one record (the article) that is
        // larger than a window: the scan reads on, doubling, until it has all of it.
        let size = files[0].buffer.count
        let article = try #require(fromDisk.articles.first).body.utf8.count
        #expect(size > 80 * Self.window)
        #expect(files[0].buffer.mostBytesHeld <= 3 * Self.window + 2 * article,
                "held \(files[0].buffer.mostBytesHeld) of \(size) bytes")
    }

    @Test func aRecordLargerThanAWindowIsReadWhole() throws {
        // One sentence of 200 KB: the article holding it and the claim quoting it each span many windows.
        let json = SearchCorpus.json(Self.sentences(1, length: 200_000), people: Self.people)
        let path = try write(json)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let dataset = try DatasetLoader.load(SourceFile.read(path: path, window: Self.window))
        #expect(dataset.claims.count == 1)
        #expect(dataset.articles.first?.body.utf8.count ?? 0 > 10 * Self.window)
        #expect(dataset.version == (try DatasetLoader.load(files: [((path as NSString).lastPathComponent, Array(json.utf8))])).version)
    }

    @Test func anErrorLateInALargeFileIsLocatedAsFromMemory() throws {
        let json = SearchCorpus.json(Self.sentences(300, length: 500), people: Self.people)
            .replacingOccurrences(of: #""proposition":"p290""#, with: #""proposition":290"#)
        let path = try write(json)
        defer { try? FileManager.default.removeItem(atPath: path) }
        func issues(_ load: () throws(DatasetInvalid) -> Dataset) -> [String] {
            do { _ = try load(); return [] } catch { return error.issues.map(\.description) }
        }
        let fromDisk = issues { () throws(DatasetInvalid) in try DatasetLoader.load(SourceFile.read(path: path, window: Self.window)) }
        let fromMemory = issues { () throws(DatasetInvalid) in try DatasetLoader.load(files: [(path, Array(json.utf8))]) }
        #expect(fromDisk.count == 1)
        #expect(fromDisk == fromMemory)
        #expect(fromDisk.first?.contains("$.claims[290].proposition: expected a string, found a number") == true, "\(fromDisk)")
    }

    @Test func aFileThatChangesWhileItLoadsIsRejected() throws {
        let path = try write(SearchCorpus.json(Self.sentences(10, length: 100), people: Self.people))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let buffer = try #require(FileBuffer(path: path))
        #expect(!buffer.changedSinceOpened)
        // Truncated in place, as `cp` or an editor saving over it does: a short read, never a SIGBUS.
        truncate(path, 100)
        buffer.fillAll()
        #expect(buffer.changedSinceOpened)
    }
}
