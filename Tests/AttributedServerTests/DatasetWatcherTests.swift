import AttributedCore
import AttributedServer
import Foundation
import Testing

/// `--watch`'s inotify watcher, in process: which changes count, and that a burst is one reload.
@Suite struct DatasetWatcherTests {
    /// Counts `onChange` calls and the names they carry.
    final class Changes: Sendable {
        let names = Locked<[String]>([])
        var count: Int { names.withLock { $0.count } }
        func waitFor(_ count: Int, seconds: Double = 3) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while self.count < count, Date() < deadline { usleep(10_000) }
            return self.count >= count
        }
    }

    private func watching(_ path: String, quietPeriod: Double = 0.1) throws -> (DatasetWatcher, Changes) {
        let changes = Changes()
        let watcher = try DatasetWatcher(path: path, quietPeriod: quietPeriod) { name in changes.names.withLock { $0.append(name) } }
        return (watcher, changes)
    }

    @Test func aFileWrittenInPlaceOrRenamedOverIsAChangeAndItsNeighboursAreNot() throws {
        let file = try ScratchFile(named: "data.json")
        try file.write(Data("{}".utf8))
        let (watcher, changes) = try watching(file.path)
        defer { watcher.stop() }

        try Data("{ }".utf8).write(to: file.url)  // in place
        #expect(changes.waitFor(1))
        // As editors and `fmt --write` do: a temporary file, renamed over the dataset.
        let temporary = file.directory.appendingPathComponent(".data.json.tmp")
        try Data("{  }".utf8).write(to: temporary)
        #expect(rename(temporary.path, file.path) == 0)
        #expect(changes.waitFor(2))
        // A neighbour is not the dataset.
        try Data("x".utf8).write(to: file.directory.appendingPathComponent("notes.txt"))
        try Data("{}".utf8).write(to: file.directory.appendingPathComponent("other.json"))
        usleep(400_000)
        #expect(changes.count == 2)
        #expect(changes.names.withLock { $0 } == ["data.json", "data.json"])
    }

    @Test func aBurstOfWritesIsOneReload() throws {
        let file = try ScratchFile(named: "data.json")
        try file.write(Data("{}".utf8))
        // A quiet period far longer than the burst's 5 ms gaps: on a loaded machine (CI, with the other suites
        // running) a gap once outlasted 0.1 s and the burst became two reloads.
        let (watcher, changes) = try watching(file.path, quietPeriod: 1)
        defer { watcher.stop() }
        for index in 0..<20 {
            try Data("{\"\(index)\": 1}".utf8).write(to: file.url)
            usleep(5_000)
        }
        #expect(changes.waitFor(1, seconds: 6))
        usleep(1_200_000)
        #expect(changes.count == 1)
    }

    @Test func aDirectoryWatchesItsVisibleJSONFilesAndAConfigMapSwap() throws {
        let file = try ScratchFile(named: "a.json")
        try file.write(Data("{}".utf8))
        let (watcher, changes) = try watching(file.directory.path)
        defer { watcher.stop() }
        try Data("{}".utf8).write(to: file.directory.appendingPathComponent("b.json"))
        #expect(changes.waitFor(1))
        try Data("{}".utf8).write(to: file.directory.appendingPathComponent(".hidden.json"))
        try Data("{}".utf8).write(to: file.directory.appendingPathComponent("readme.md"))
        usleep(400_000)
        #expect(changes.count == 1)
        // The kubelet updates a ConfigMap volume by renaming a new `..data` link over the old one.
        let link = file.directory.appendingPathComponent("..data_tmp").path
        #expect(symlink("..2026_12_02", link) == 0)
        #expect(rename(link, file.directory.appendingPathComponent("..data").path) == 0)
        #expect(changes.waitFor(2))
        try FileManager.default.removeItem(at: file.directory.appendingPathComponent("b.json"))
        #expect(changes.waitFor(3))
    }

    @Test func aMissingPathIsAClearError() {
        #expect(throws: ServerError.self) { _ = try DatasetWatcher(path: "/nonexistent/data.json") }
    }
}
